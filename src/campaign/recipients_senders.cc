// data/invalid-number for sender numbers.
#include "campaign/phone_numbers.h"
#include "campaign/recipients.h"

namespace smslint {

std::vector<Diagnostic> CheckSenders(const Campaign& campaign) {
  std::vector<Diagnostic> out;
  std::string country = campaign.campaign.country.present && !campaign.campaign.country->empty()
                            ? campaign.campaign.country.value
                            : "US";
  PhoneNumberClassifier classifier(country);
  for (const Sender& sender : campaign.senders) {
    // Values the loader rejected (not E.164) are already findings.
    if (!sender.number.present) continue;
    NumberInfo info = classifier.ClassifyWithLibrary(sender.number.value);
    if (info.valid) continue;
    Diagnostic d;
    d.rule = "data/invalid-number";
    d.level = Level::kError;
    d.message = "sender " + sender.number.value +
                " is not a valid phone number (libphonenumber): no carrier will route it";
    Position pos = sender.number.pos;
    d.span = Span{campaign.path, pos.line, pos.column, pos.line, pos.column};
    d.suggestion = "use the E.164 form (+ country code, then the number) of a number you own";
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace smslint
