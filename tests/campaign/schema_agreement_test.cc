// The JSON Schema in campaigns/schema/ and the loader must agree on what is a valid
// campaign: every example campaign validates against the schema; every file under
// campaigns/mistakes/ that the loader reports schema/* findings for is rejected by the
// schema, and every one it loads without them is accepted.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "campaign/loader.h"

namespace smslint {
namespace {

namespace fs = std::filesystem;

const std::string kSourceDir = SMSLINT_SOURCE_DIR;

// Loads YAML as editors do (no YAML 1.1 timestamps: "2026-12-01T10:00" stays text) and
// validates it with python3-jsonschema; exit 0 when valid.
bool SchemaAccepts(const std::string& path) {
  std::string command =
      "python3 -c '\n"
      "import json, sys, yaml, jsonschema\n"
      "class Loader(yaml.SafeLoader): pass\n"
      "Loader.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "
      "\"tag:yaml.org,2002:timestamp\"]\n"
      "    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}\n"
      "schema = json.load(open(sys.argv[1]))\n"
      "jsonschema.Draft7Validator.check_schema(schema)\n"
      "doc = yaml.load(open(sys.argv[2], encoding=\"utf-8\"), Loader=Loader)\n"
      "errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))\n"
      "sys.exit(1 if errors else 0)\n"
      "' '" +
      kSourceDir + "/campaigns/schema/campaign.schema.json' '" + path + "' 2>/dev/null";
  return std::system(command.c_str()) == 0;
}

bool PythonReady() {
  return std::system("python3 -c 'import yaml, jsonschema' >/dev/null 2>&1") == 0;
}

std::vector<std::string> YamlFiles(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_CASE("schema: every example campaign validates and points editors at the schema") {
  if (!PythonReady()) {
    MESSAGE("python3-yaml or python3-jsonschema is missing; schema tests skipped");
    return;
  }
  std::vector<std::string> examples = YamlFiles(kSourceDir + "/campaigns");
  REQUIRE_FALSE(examples.empty());
  for (const std::string& path : examples) {
    std::string name = fs::path(path).filename().string();
    if (name.find("bad") != std::string::npos || name.find("mistake") != std::string::npos) {
      continue;
    }
    CAPTURE(path);
    CHECK(SchemaAccepts(path));
    std::ifstream in(path);
    std::string first_line;
    std::getline(in, first_line);
    CHECK(first_line == "# yaml-language-server: $schema=schema/campaign.schema.json");
  }
}

TEST_CASE("schema: the loader and the schema agree on the mistakes") {
  if (!PythonReady()) {
    MESSAGE("python3-yaml or python3-jsonschema is missing; schema tests skipped");
    return;
  }
  std::vector<std::string> mistakes = YamlFiles(kSourceDir + "/campaigns/mistakes");
  REQUIRE_FALSE(mistakes.empty());
  int rejected = 0, accepted = 0;
  for (const std::string& path : mistakes) {
    CAPTURE(path);
    absl::StatusOr<LoadResult> loaded = LoadCampaignFile(path);
    if (!loaded.ok()) continue;  // not YAML at all: neither side can read it
    bool schema_findings = false;
    for (const Diagnostic& d : loaded->diagnostics) {
      if (RuleFamily(d.rule) == "schema") schema_findings = true;
    }
    CHECK(SchemaAccepts(path) == !schema_findings);
    (schema_findings ? rejected : accepted)++;
  }
  // The folder holds both kinds, so the check above compares something each way.
  CHECK(rejected > 0);
  CHECK(accepted > 0);
}

}  // namespace
}  // namespace smslint
