#include "report/emit.h"

#include "report/json_emitter.h"
#include "report/text_emitter.h"

namespace smslint {

std::string EmitReport(const std::string& format, const std::vector<FileResult>& results,
                       const ReportOptions& options, bool quiet) {
  if (format == "json") return EmitJson(results, options);
  return EmitText(results, options, quiet);
}

}  // namespace smslint
