package io.v2xsim.core.imports;

import io.v2xsim.core.spec.ScenarioSpec.DemandSpec;
import io.v2xsim.core.spec.ScenarioSpec.NetworkSpec;
import io.v2xsim.core.spec.ScenarioSpec.SignalsSpec;
import io.v2xsim.core.spec.ScenarioSpec.VehicleTypeSpec;
import java.util.List;
import java.util.Map;

/**
 * The parts of a scenario an importer produced, in our own spec form, so that the ordinary compiler builds
 * and validates them like a hand-written scenario.
 *
 * @param network explicit nodes and roads (with lane turns)
 * @param vehicleTypes the distinct vehicle types of the demand, in order of first use
 * @param demand the imported trips and flows, or null when no demand file was given
 * @param signals an explicit plan per signalized junction
 * @param notes what the import approximated or dropped, for humans (never part of results)
 */
public record ImportedScenario(NetworkSpec network, Map<String, VehicleTypeSpec> vehicleTypes, DemandSpec demand,
    SignalsSpec signals, List<String> notes) {}
