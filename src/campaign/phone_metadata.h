// libphonenumber's metadata, built ahead of its first use.
#ifndef SMSLINT_CAMPAIGN_PHONE_METADATA_H_
#define SMSLINT_CAMPAIGN_PHONE_METADATA_H_

namespace smslint {

// Builds libphonenumber's metadata (PhoneNumberUtil, about 10 ms) now, on the calling
// thread, so a thread that needs it later finds it ready; with `lists` (recipient
// lists will be read) also the North American table a kMany PhoneNumberClassifier
// reads before it (about 9 ms). No other effect.
void PreparePhoneNumberMetadata(bool lists);

}  // namespace smslint

#endif  // SMSLINT_CAMPAIGN_PHONE_METADATA_H_
