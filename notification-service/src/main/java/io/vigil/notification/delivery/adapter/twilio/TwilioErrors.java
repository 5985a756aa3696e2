package io.vigil.notification.delivery.adapter.twilio;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import io.vigil.notification.delivery.domain.ChannelUnavailable;
import io.vigil.notification.delivery.domain.SendResult;
import java.util.Map;

/** Twilio's error codes that no retry can fix, and everything else as "try again later". */
final class TwilioErrors {

    /** Error codes of https://www.twilio.com/docs/api/errors that mean the number cannot be reached this way. */
    private static final Map<Integer, String> PERMANENT = Map.of(
            21211, "invalid 'To' number",
            21214, "'To' number cannot be reached",
            21217, "'To' number is not valid",
            21408, "no permission to send to this region",
            21610, "the number replied STOP",
            21612, "the number cannot receive from this sender",
            21614, "'To' number is not a mobile number",
            13224, "invalid phone number for calls",
            13223, "invalid phone number format");

    private TwilioErrors() {
    }

    static SendResult rejectedOrThrow(TwilioException e) {
        if (e instanceof ApiException api && api.getCode() != null && PERMANENT.containsKey(api.getCode())) {
            return new SendResult.Rejected("twilio %d: %s".formatted(api.getCode(), PERMANENT.get(api.getCode())));
        }
        if (e instanceof ApiConnectionException) {
            throw ChannelUnavailable.because("twilio unreachable: " + e.getMessage());
        }
        if (e instanceof ApiException api) {
            throw ChannelUnavailable.because("twilio answered " + api.getStatusCode()
                    + (api.getCode() == null ? "" : " (" + api.getCode() + ")"));
        }
        throw ChannelUnavailable.because("twilio: " + e.getMessage());
    }
}
