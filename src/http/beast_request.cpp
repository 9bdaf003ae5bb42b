#include "http/beast_request.hpp"

#include <string>
#include <string_view>

namespace smedash::http::detail {
namespace {

namespace bhttp = boost::beast::http;

Method ToMethod(bhttp::verb verb) {
  switch (verb) {
    case bhttp::verb::get:
      return Method::kGet;
    case bhttp::verb::head:
      return Method::kHead;
    case bhttp::verb::post:
      return Method::kPost;
    case bhttp::verb::put:
      return Method::kPut;
    case bhttp::verb::patch:
      return Method::kPatch;
    case bhttp::verb::delete_:
      return Method::kDelete;
    case bhttp::verb::options:
      return Method::kOptions;
    default:
      return Method::kOther;
  }
}

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

Request ToRequest(const bhttp::request_header<>& header) {
  Request request;
  request.method = ToMethod(header.method());
  request.target = std::string(header.target());
  for (const auto& field : header) {
    std::string name = Lower(field.name_string());
    auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
    if (!inserted) it->second += (it->first == "cookie" ? "; " : ", ") + std::string(field.value());
  }
  return request;
}

}  // namespace smedash::http::detail
