#include "campaign/schema_rules.h"

namespace smslint {

void AddSchemaRules(RuleCatalog& catalog) {
  catalog.Add(RuleInfo{
      .id = kUnknownKey,
      .level = Level::kWarning,
      .summary = "A key the campaign format does not know",
      .why = "An unknown key is ignored, so a typo such as `shedule:` or `boddy:` silently "
             "drops the setting it was meant to carry.",
      .fix = "Correct the key (the finding suggests the closest known key) or remove it.",
      .source = "smslint campaign format, version 1",
      .fire_examples = {"campaign:\n  brnad: Acme Coffee"},
      .pass_examples = {"campaign:\n  brand: Acme Coffee"},
      .options = {},
      .origin = "builtin",
  });
  catalog.Add(RuleInfo{
      .id = kMissingField,
      .level = Level::kError,
      .summary = "A required field is absent",
      .why = "Without it smslint cannot check or simulate the campaign, and neither can the "
             "platform that sends it.",
      .fix = "Add the field; `smslint init` writes a starter campaign with every field.",
      .source = "smslint campaign format, version 1",
      .fire_examples = {"templates:\n  - id: promo"},
      .pass_examples = {"templates:\n  - id: promo\n    body: \"Acme: hi. Reply STOP to opt out\""},
      .options = {},
      .origin = "builtin",
  });
  catalog.Add(RuleInfo{
      .id = kInvalidValue,
      .level = Level::kError,
      .summary = "A value of the wrong type or form (E.164, rate, time, zone, enum)",
      .why = "A value that cannot be read is dropped, so the campaign would run with a "
             "default nobody chose (a rate, a window, a sender).",
      .fix = "Write the value in the documented form: E.164 numbers (+14155550100), rates "
             "N/s, N/min or N/h, times HH:MM, IANA zones (America/New_York).",
      .source = "smslint campaign format, version 1",
      .fire_examples = {"senders:\n  - \"415-555-0100\"", "schedule:\n  rate: fast"},
      .pass_examples = {"senders:\n  - \"+14155550100\"", "schedule:\n  rate: 30/min"},
      .options = {},
      .origin = "builtin",
  });
}

}  // namespace smslint
