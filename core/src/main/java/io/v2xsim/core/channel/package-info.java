/**
 * The radio between roadside units and vehicles in simulated time ({@link io.v2xsim.core.channel.RadioModel},
 * {@link io.v2xsim.core.channel.ChannelSpec}) and what both ends of the Netty transport share without
 * depending on each other: the {@link io.v2xsim.core.channel.Envelope} header and the
 * {@link io.v2xsim.core.channel.LogHistogram} of wall-clock costs. No Netty here.
 */
package io.v2xsim.core.channel;
