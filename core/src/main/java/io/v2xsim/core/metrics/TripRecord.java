package io.v2xsim.core.metrics;

/**
 * One vehicle's trip. Times in seconds of model time; NaN where the event did not happen in the run.
 *
 * @param id vehicle id (flow id and index, or trip id)
 * @param type vehicle type name
 * @param origin first road of the route
 * @param destination last road of the route
 * @param scheduledDepart when demand asked the vehicle to depart
 * @param depart when it was inserted (later than scheduled if its entry lane was blocked)
 * @param arrival when it left the network at the end of its route
 * @param routeLength metres along lanes and junction connectors from insertion to the end of the route
 * @param travelTime arrival - depart
 * @param freeFlowTime time the route takes at the lower of speed limit and the vehicle's desired speed
 * @param timeLoss travelTime - freeFlowTime
 * @param stops times the vehicle came to a halt (speed fell below 0.1 m/s after moving)
 * @param waitingTime seconds spent below 0.1 m/s after insertion
 */
public record TripRecord(
    String id,
    String type,
    String origin,
    String destination,
    double scheduledDepart,
    double depart,
    double arrival,
    double routeLength,
    double travelTime,
    double freeFlowTime,
    double timeLoss,
    int stops,
    double waitingTime) {}
