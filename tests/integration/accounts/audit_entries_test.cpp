// Each kind of event an admin must be able to trace appears in the audit log, through its
// API, with who (actor), what (action, target, detail), when and from where (address):
// sign-ins, failed sign-ins, sign-outs, user changes, uploads, segment map changes and
// the command-line import.
#include <fstream>
#include <sstream>

#include "audit_fixture.hpp"
#include "ingest/import_command.hpp"

namespace smedash::testing {
namespace {

using http::Method;

constexpr const char* kClientAddress = "192.0.2.10";  // AppTest's requests come from here

std::string Str(const boost::json::object& object, std::string_view key) {
  return std::string(object.at(key).as_string());
}

// The entry names its actor (by id and name), action, target and address, and has an ISO
// time of today's kind ("2025-10-09T01:02:03Z").
void ExpectEntry(const boost::json::object& entry, std::optional<std::int64_t> actor_id,
                 const std::string& actor_name, const std::string& target,
                 const std::string& address = kClientAddress) {
  if (actor_id) {
    EXPECT_EQ(entry.at("actor_id").as_int64(), *actor_id) << boost::json::serialize(entry);
  } else {
    EXPECT_TRUE(entry.at("actor_id").is_null()) << boost::json::serialize(entry);
  }
  EXPECT_EQ(Str(entry, "actor_name"), actor_name);
  EXPECT_EQ(Str(entry, "target"), target);
  EXPECT_EQ(Str(entry, "ip_address"), address);
  const std::string at = Str(entry, "at");
  EXPECT_EQ(at.size(), 20u) << at;
  EXPECT_EQ(at[10], 'T') << at;
  EXPECT_EQ(at.back(), 'Z') << at;
}

TEST_F(AuditTest, SignInFailedSignInAndSignOutAreRecorded) {
  const std::string self = "user:" + std::to_string(admin_id_);
  auto wrong = Send(Method::kPost, "/api/v1/session", nullptr,
                    R"({"username":"admin","password":"not-the-password"})");
  EXPECT_EQ(wrong.status, 401) << wrong.body;
  auto unknown = Send(Method::kPost, "/api/v1/session", nullptr,
                      R"({"username":"siapa","password":"not-the-password"})");
  EXPECT_EQ(unknown.status, 401) << unknown.body;
  Client admin = SignIn("admin", kAdminPassword);

  ExpectEntry(Newest(admin, "auth.sign_in"), admin_id_, "admin", self);
  // Failed: for a known username the account is named; for an unknown one, what was typed.
  const auto failures = Page(admin, "action=auth.sign_in_failed").at("entries").as_array();
  ASSERT_EQ(failures.size(), 2u);
  ExpectEntry(failures[0].as_object(), std::nullopt, "siapa", "");
  ExpectEntry(failures[1].as_object(), admin_id_, "admin", self);

  Client second = SignIn("admin", kAdminPassword);
  EXPECT_EQ(Send(Method::kDelete, "/api/v1/session", &second).status, 204);
  ExpectEntry(Newest(admin, "auth.sign_out"), admin_id_, "admin", self);
}

TEST_F(AuditTest, UserCreationAndChangesAreRecordedWithWhatChanged) {
  Client admin = SignIn("admin", kAdminPassword);
  auto created = Send(Method::kPost, "/api/v1/users", &admin,
                      R"({"username":"budi","password":"budi-password-1","role":"user"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = JsonOf(created).at("user").at("id").as_int64();
  const std::string target = "user:" + std::to_string(id);
  auto changed = Send(Method::kPatch, "/api/v1/users/" + std::to_string(id), &admin,
                      R"({"first_name":"Budi","is_active":false})");
  ASSERT_EQ(changed.status, 200) << changed.body;

  const auto creation = Newest(admin, "user.create");
  ExpectEntry(creation, admin_id_, "admin", target);
  EXPECT_EQ(Str(creation.at("detail").as_object(), "username"), "budi");
  const auto change = Newest(admin, "user.update");
  ExpectEntry(change, admin_id_, "admin", target);
  EXPECT_EQ(Str(change.at("detail").as_object(), "first_name"), "Budi");
  EXPECT_FALSE(change.at("detail").at("is_active").as_bool());
}

TEST_F(AuditTest, AnUploadIsRecordedWhenStagedQueuedAndLoaded) {
  Client admin = SignIn("admin", kAdminPassword);
  const auto id = StageUpload(admin, "posisi 9 okt.csv", kSmallLoanFile);
  ASSERT_GT(id, 0);
  ASSERT_EQ(ProcessUpload(admin, id), "completed");
  const std::string target = "upload:" + std::to_string(id);

  const auto staged = Newest(admin, "upload.stage");
  ExpectEntry(staged, admin_id_, "admin", target);
  EXPECT_EQ(Str(staged.at("detail").as_object(), "file_name"), "posisi 9 okt.csv");
  ExpectEntry(Newest(admin, "upload.process"), admin_id_, "admin", target);
  // The job worker loads it for the admin who queued it; no request, so no address.
  const auto loaded = Newest(admin, "upload.load");
  ExpectEntry(loaded, admin_id_, "admin", target, "");
  EXPECT_EQ(loaded.at("detail").at("rows_accepted").as_int64(), 3);
  EXPECT_EQ(boost::json::serialize(loaded.at("detail").at("periodes")), R"(["2025-10-09"])");
  // The category filter gathers the three, newest first.
  std::vector<std::string> actions;
  const auto uploads = Page(admin, "action=upload");
  for (const auto& entry : uploads.at("entries").as_array()) {
    actions.push_back(Str(entry.as_object(), "action"));
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"upload.load", "upload.process", "upload.stage"}));
}

TEST_F(AuditTest, ACancelledUploadIsRecorded) {
  Client admin = SignIn("admin", kAdminPassword);
  const auto id = StageUpload(admin, "salah pilih.csv", kSmallLoanFile);
  ASSERT_EQ(Send(Method::kDelete, "/api/v1/uploads/" + std::to_string(id), &admin).status, 200);
  const auto cancelled = Newest(admin, "upload.cancel");
  ExpectEntry(cancelled, admin_id_, "admin", "upload:" + std::to_string(id));
  EXPECT_EQ(Str(cancelled.at("detail").as_object(), "file_name"), "salah pilih.csv");
}

TEST_F(AuditTest, TheCommandLineImportIsRecordedWithoutAnAccount) {
  const auto file = data_dir_.Path() / "posisi.csv";
  std::ofstream(file) << kSmallLoanFile;
  std::ostringstream out;
  std::ostringstream err;
  ASSERT_EQ(ingest::ImportCommand(connection_string_, {file.string()}, ingest::NumberStyle::kAuto,
                                  std::nullopt, out, err),
            0)
      << err.str();
  Client admin = SignIn("admin", kAdminPassword);
  const auto loaded = Newest(admin, "upload.load");
  EXPECT_TRUE(loaded.at("actor_id").is_null());
  EXPECT_EQ(Str(loaded, "actor_name"), "smedash import");
  EXPECT_TRUE(Str(loaded, "target").starts_with("upload:"));
  EXPECT_EQ(Str(loaded.at("detail").as_object(), "file"), "posisi.csv");
  // "Without an account" finds it.
  EXPECT_EQ(IdsOf(Walk(admin, "actor=none", 50)), IdsWhere("actor_id IS NULL"));
  EXPECT_FALSE(IdsWhere("actor_id IS NULL").empty());
}

TEST_F(AuditTest, SegmentMapChangesAreRecordedWithBeforeAndAfter) {
  Client admin = SignIn("admin", kAdminPassword);
  ASSERT_EQ(
      Send(Method::kPost, "/api/v1/segments", &admin, R"({"code":"99999","segment":"KUR"})").status,
      201);
  ASSERT_EQ(Send(Method::kPut, "/api/v1/segments/99999", &admin, R"({"segment":"CC"})").status,
            200);

  const auto added = Newest(admin, "segment_map.add");
  ExpectEntry(added, admin_id_, "admin", "segment_code:99999");
  EXPECT_EQ(Str(added.at("detail").as_object(), "after"), "KUR");
  const auto changed = Newest(admin, "segment_map.change");
  ExpectEntry(changed, admin_id_, "admin", "segment_code:99999");
  EXPECT_EQ(Str(changed.at("detail").as_object(), "before"), "KUR");
  EXPECT_EQ(Str(changed.at("detail").as_object(), "after"), "CC");
  EXPECT_EQ(Page(admin, "action=segment_map").at("entries").as_array().size(), 2u);
}

TEST_F(AuditTest, OneEntryByIdAndUnknownIdsAre404) {
  Client admin = SignIn("admin", kAdminPassword);
  const auto newest = Newest(admin, "auth.sign_in");
  const auto id = std::to_string(newest.at("id").as_int64());
  auto one = Send(Method::kGet, "/api/v1/audit/" + id, &admin);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_EQ(JsonOf(one).at("entry").as_object(), newest);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/audit/999999", &admin).status, 404);
  EXPECT_EQ(Send(Method::kGet, "/api/v1/audit/abc", &admin).status, 404);
}

}  // namespace
}  // namespace smedash::testing
