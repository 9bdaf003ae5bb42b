//! The upload API's JSON shapes: an upload with its progress and outcome, a preview, and
//! an issue, with every message translated into the request's language.
#pragma once
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <string>
#include <string_view>

#include "data_management/upload_types.hpp"
#include "ingest/preview.hpp"

namespace smedash::data_management {

// The text of a web/i18n key with its {placeholders} filled.
using Translate = std::function<std::string(std::string_view key,
                                            const std::map<std::string, std::string>& args)>;

// The text of a problem's key. A key no translation knows yet gives its {detail} when it
// has one (a reader's own explanation, already written for the admin), else the key.
std::string ProblemText(const std::string& key, const std::map<std::string, std::string>& args,
                        const Translate& translate);

boost::json::object UploadToJson(const Upload& upload, const Translate& translate);
boost::json::object SameFileToJson(const SameFile& same);
boost::json::object PreviewToJson(const ingest::Preview& preview, const Translate& translate);
boost::json::object IssueToJson(const UploadIssue& issue, const Translate& translate);

}  // namespace smedash::data_management
