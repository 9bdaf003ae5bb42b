//! The komitmen API's JSON shapes (issue 6; README "Endpoints"): uploads, previews, a
//! month's units and targets, issues with their reasons in the request's language.
#pragma once
#include <boost/json.hpp>
#include <string>

#include "komitmen/komitmen_service.hpp"
#include "ui/i18n.hpp"

namespace smedash::komitmen {

boost::json::object UploadJson(const UploadRecord& upload);
boost::json::object PreviewJson(const KomitmenPreview& preview, const ui::Translations& texts,
                                const std::string& lang);
boost::json::object MonthJson(const MonthView& view, const ui::Translations& texts,
                              const std::string& lang);
boost::json::object EditJson(const EditResult& result);

}  // namespace smedash::komitmen
