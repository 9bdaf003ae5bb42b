// User management for admins: the page and the /api/v1/users API.
#include <boost/json.hpp>
#include <charconv>

#include "accounts/handler_support.hpp"
#include "accounts/routes.hpp"
#include "core/errors.hpp"
#include "core/json_fields.hpp"

namespace smedash::accounts {
namespace {

using http::Access;
using http::Kind;
using http::Method;
using http::RequestContext;
using http::Response;

std::int64_t UserIdParam(const RequestContext& context) {
  const std::string& text = context.params.at("id");
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || end != text.data() + text.size() || id <= 0) {
    throw core::NotFound("no such user");
  }
  return id;
}

std::optional<core::Role> RoleField(const boost::json::object& body) {
  auto name = core::StringField(body, "role");
  if (!name) return std::nullopt;
  auto role = core::ParseRole(*name);
  if (!role) throw core::ClientError("role must be \"admin\" or \"user\"");
  return role;
}

Response UserOutcome(const AccountsContext& accounts, const RequestContext& context,
                     const Outcome<User>& outcome, int success_status) {
  if (const auto* error = std::get_if<FieldError>(&outcome)) {
    return FieldErrorResponse(accounts, context, *error);
  }
  return Response::Json(success_status,
                        boost::json::object{{"user", UserToJson(std::get<User>(outcome))}});
}

Response UsersPage(const AccountsContext& accounts, RequestContext& context) {
  return accounts.pages.RenderPage(context,
                                   {"page.users.title",
                                    "pages/users.html",
                                    {{"current_user_id", std::to_string(context.User().user_id)}},
                                    "/static/app/js/users.mjs"});
}

Response ListUsers(const AccountsContext& accounts, RequestContext&) {
  boost::json::array users;
  for (const auto& user : accounts.users.List()) users.push_back(UserToJson(user));
  return Response::Json(200, boost::json::object{{"users", users}});
}

Response GetUser(const AccountsContext& accounts, RequestContext& context) {
  auto user = accounts.users.Get(UserIdParam(context));
  if (!user) throw core::NotFound(accounts.pages.T(context, "validation.not_found_user"));
  return Response::Json(200, boost::json::object{{"user", UserToJson(*user)}});
}

Response CreateUser(const AccountsContext& accounts, RequestContext& context) {
  auto body = core::ParseJsonObject(context.request.body);
  NewUser user;
  user.username = core::StringField(body, "username").value_or("");
  user.password = core::StringField(body, "password").value_or("");
  auto role = RoleField(body);
  if (!role) return FieldErrorResponse(accounts, context, {"role", "validation.role"});
  user.role = *role;
  user.first_name = core::StringField(body, "first_name").value_or("");
  user.last_name = core::StringField(body, "last_name").value_or("");
  user.email = core::StringField(body, "email").value_or("");
  user.phone_number = core::StringField(body, "phone_number").value_or("");
  Actor actor{context.User(), context.request.remote_address};
  return UserOutcome(accounts, context, accounts.users.Create(actor, user), 201);
}

Response UpdateUser(const AccountsContext& accounts, RequestContext& context) {
  auto body = core::ParseJsonObject(context.request.body);
  UserChanges changes;
  changes.first_name = core::StringField(body, "first_name");
  changes.last_name = core::StringField(body, "last_name");
  changes.email = core::StringField(body, "email");
  changes.phone_number = core::StringField(body, "phone_number");
  changes.role = RoleField(body);
  changes.is_active = core::BoolField(body, "is_active");
  changes.password = core::StringField(body, "password");
  changes.unlock = core::BoolField(body, "unlock").value_or(false);
  Actor actor{context.User(), context.request.remote_address};
  return UserOutcome(accounts, context, accounts.users.Update(actor, UserIdParam(context), changes),
                     200);
}

}  // namespace

void RegisterUserRoutes(http::Router& router, const AccountsContext& accounts) {
  auto bind = [&accounts](AccountsHandler handler) { return Bind(accounts, handler); };
  router.Add({Method::kGet, "/accounts/users/", Access::kAdmin, Kind::kPage, "users.page",
              bind(UsersPage)});
  router.Add(
      {Method::kGet, "/api/v1/users", Access::kAdmin, Kind::kApi, "users.list", bind(ListUsers)});
  router.Add({Method::kPost, "/api/v1/users", Access::kAdmin, Kind::kApi, "users.create",
              bind(CreateUser)});
  router.Add(
      {Method::kGet, "/api/v1/users/{id}", Access::kAdmin, Kind::kApi, "users.get", bind(GetUser)});
  router.Add({Method::kPatch, "/api/v1/users/{id}", Access::kAdmin, Kind::kApi, "users.update",
              bind(UpdateUser)});

  accounts.pages.AddMenuItem(
      {"nav.section.admin", "nav.users", "/accounts/users/", "people", true});
}

}  // namespace smedash::accounts
