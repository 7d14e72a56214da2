/**
 * The adaptive jitter buffer between the RTP receiver and the playback thread. Pure: arrival times
 * come from the caller, frames are pulled by the device clock.
 */
package sipdesk.media.jitter;
