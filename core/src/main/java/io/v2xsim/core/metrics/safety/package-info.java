/**
 * Surrogate safety measures computed from ground truth: time to collision (TTC), post-encroachment time
 * (PET) and deceleration rate to avoid a crash (DRAC). {@link io.v2xsim.core.metrics.safety.SafetyMonitor}
 * is fed the world's {@link io.v2xsim.core.sensing.GroundTruth} every tick and yields
 * {@link io.v2xsim.core.metrics.MetricValue}s and {@link io.v2xsim.core.metrics.safety.ConflictRecord}s.
 *
 * <p>Definitions follow the FHWA Surrogate Safety Assessment Model (Gettman and Head 2003; Gettman et al.
 * 2008, FHWA-HRT-08-051): TTC below 1.5 s and PET below 1.0 s are conflicts; headings within 30 degrees are
 * rear-end situations. DRAC follows Almqvist et al. (1991) and Archer (2005).
 */
package io.v2xsim.core.metrics.safety;
