// libphonenumber's metadata, built ahead of its first use.
#ifndef SMSLINT_CAMPAIGN_PHONE_METADATA_H_
#define SMSLINT_CAMPAIGN_PHONE_METADATA_H_

namespace smslint {

// Builds libphonenumber's metadata (PhoneNumberUtil, about 10 ms) and the North
// American table the classifier reads before it (about 9 ms) now, on the calling
// thread, so a thread that needs them later finds them ready. No other effect.
void PreparePhoneNumberMetadata();

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_PHONE_METADATA_H_
