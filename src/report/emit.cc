#include "report/emit.h"

#include "report/github_emitter.h"
#include "report/json_emitter.h"
#include "report/junit_emitter.h"
#include "report/sarif_emitter.h"
#include "report/text_emitter.h"

namespace smslint {

std::string EmitReport(const std::string& format, const std::vector<FileResult>& results,
                       const ReportOptions& options, bool quiet) {
  if (format == "json") return EmitJson(results, options);
  if (format == "sarif") return EmitSarif(results, options);
  if (format == "github") return EmitGithub(results, options);
  if (format == "junit") return EmitJunit(results, options);
  return EmitText(results, options, quiet);
}

}  // namespace smslint
