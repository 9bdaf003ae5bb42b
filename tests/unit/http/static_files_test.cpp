#include "http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <random>

namespace smedash::http {
namespace {

namespace fs = std::filesystem;

void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path) << text;
}

Route StaticRoute(std::vector<StaticMount> mounts) {
  Route route;
  route.pattern = "/static/{path*}";
  route.access = Access::kPublic;
  route.name = "static";
  route.handler = StaticFiles(std::move(mounts));
  return route;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ =
        fs::temp_directory_path() / ("smedash-static-" + std::to_string(std::random_device{}()));
    WriteFile(root_ / "web/js/app.mjs", "export {};");
    WriteFile(root_ / "web/css/site.css", "body{}");
    WriteFile(root_ / "web/.env", "SECRET=1");
    WriteFile(root_ / "vendor/bootstrap/dist/css/bootstrap.min.css", "/*bs*/");
    WriteFile(root_ / "secret.txt", "outside");
    fs::create_symlink(root_ / "secret.txt", root_ / "web/link.txt");
    router_.Add(StaticRoute({{"/static/", root_ / "web"},
                             {"/static/vendor/bootstrap/", root_ / "vendor/bootstrap/dist"}}));
  }
  void TearDown() override { fs::remove_all(root_); }

  Response Get(const std::string& target) {
    Request request;
    request.target = target;
    return router_.Dispatch(request);
  }

  fs::path root_;
  Router router_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypeAndCaching) {
  const Response js = Get("/static/js/app.mjs");
  EXPECT_EQ(js.status, 200);
  ASSERT_TRUE(js.file);
  EXPECT_EQ(*js.file, fs::weakly_canonical(root_ / "web/js/app.mjs"));
  EXPECT_EQ(js.Header("Content-Type"), "application/javascript");
  EXPECT_EQ(js.Header("Cache-Control"), "public, max-age=3600");
  EXPECT_EQ(js.Header("X-Content-Type-Options"), "nosniff");

  EXPECT_EQ(Get("/static/css/site.css").Header("Content-Type"), "text/css; charset=utf-8");
}

TEST_F(StaticFilesTest, LongestMountPrefixWins) {
  const Response css = Get("/static/vendor/bootstrap/css/bootstrap.min.css");
  ASSERT_TRUE(css.file);
  EXPECT_EQ(*css.file, fs::weakly_canonical(root_ / "vendor/bootstrap/dist/css/bootstrap.min.css"));
}

TEST_F(StaticFilesTest, RejectsTraversalAndOddPaths) {
  for (const std::string target : {
           "/static/../secret.txt",
           "/static/js/../../secret.txt",
           "/static/%2e%2e/secret.txt",
           "/static/js%2f..%2f..%2fsecret.txt",
           "/static/..%5csecret.txt",
           "/static/js\\app.mjs",
           "/static/js/app.mjs%00.png",
           "/static//etc/passwd",
           "/static/%2fetc/passwd",
           "/static/.env",
           "/static/link.txt",  // a symlink out of the mount
           "/static/js/",
           "/static/js",
           "/static/",
           "/static/missing.js",
           "/static/vendor/bootstrap/../../secret.txt",
       }) {
    SCOPED_TRACE(target);
    const Response response = Get(target);
    EXPECT_EQ(response.status, 404);
    EXPECT_FALSE(response.file);
  }
}

TEST_F(StaticFilesTest, UnknownPrefixIsNotFound) {
  Router router;
  router.Add(StaticRoute({{"/static/app/", root_ / "web"}}));
  Request request;
  request.target = "/static/other/js/app.mjs";
  EXPECT_EQ(router.Dispatch(request).status, 404);
  request.target = "/static/app/js/app.mjs";
  EXPECT_EQ(router.Dispatch(request).status, 200);
}

}  // namespace
}  // namespace smedash::http
