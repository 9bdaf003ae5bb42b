// smedash: subcommand dispatch only; each subcommand composes the pieces it needs.
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <pqxx/pqxx>

#include "accounts/commands.hpp"
#include "app/app.hpp"
#include "core/config.hpp"
#include "core/log.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "http/server.hpp"
#include "ingest/demo/demo_data.hpp"
#include "ingest/import_command.hpp"
#include "ingest/jobs/job_workers.hpp"

namespace {

using smedash::core::Config;

void Migrate(const std::string& connection_string) {
  pqxx::connection connection(connection_string);
  smedash::db::ApplyMigrations(connection);  // logs each migration it applies
}

int Serve(const Config& config, bool print_config) {
  if (print_config) {
    std::cout << config.Describe();
    return 0;
  }
  smedash::db::Database database(config);
  Migrate(database.ConnectionString());
  smedash::app::App app(config, database.ConnectionString());
  smedash::accounts::EnsureInitialAdmin(app.Users(), std::cout);
  // Declared after the database and before the server: stopped after the server stops
  // taking requests, before the private cluster goes away.
  smedash::ingest::JobWorkers jobs(database.ConnectionString(),
                                   smedash::ingest::JobWorkerOptions::FromConfig(config),
                                   app.JobSignal());
  smedash::http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.worker_threads = config.worker_threads;
  options.upload_dir = config.data_dir / "tmp";
  options.trusted_proxies = config.trusted_proxies;
  smedash::http::Server server(options, app.Router());
  std::cout << "smedash: serving http://" << config.host << ":" << server.Port() << std::endl;
  server.Run();
  spdlog::info("stopped");
  return 0;
}

int CheckDb(const Config& config) {
  try {
    smedash::db::Database database(config);
    pqxx::connection connection(database.ConnectionString());
    pqxx::read_transaction tx(connection);
    std::cout << tx.exec1("SELECT version()")[0].as<std::string>() << "\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "check-db: cannot connect to PostgreSQL: " << error.what() << "\n";
    return 1;
  }
}

int CreateAdmin(const Config& config, const std::string& username) {
  smedash::db::Database database(config);
  Migrate(database.ConnectionString());
  smedash::db::Pool pool(database.ConnectionString(), 1);
  smedash::accounts::UserService users(pool);
  return smedash::accounts::CreateAdminCommand(users, username, std::cin, std::cout, std::cerr);
}

int Import(const Config& config, const std::vector<std::string>& files,
           const std::string& number_format, const std::string& username) {
  auto style = smedash::ingest::ParseNumberStyle(number_format);
  if (!style) {
    std::cerr << "import: --number-format must be auto, id or en\n";
    return 2;
  }
  smedash::db::Database database(config);
  Migrate(database.ConnectionString());
  std::optional<std::string> user;
  if (!username.empty()) user = username;
  return smedash::ingest::ImportCommand(database.ConnectionString(), files, *style, user, std::cout,
                                        std::cerr);
}

}  // namespace

int main(int argc, char** argv) {
  smedash::core::InitLogging();
  Config config;
  try {
    config = Config::FromEnvironment();
  } catch (const std::exception& error) {
    std::cerr << "smedash: configuration error: " << error.what() << "\n";
    return 2;
  }

  CLI::App cli{"smedash: SME Performance Highlights"};
  cli.require_subcommand(1);
  std::string data_dir = config.data_dir.string();
  cli.add_option("--data-dir", data_dir,
                 "folder of the private PostgreSQL and uploads, used when DATABASE_URL is unset")
      ->capture_default_str();

  bool print_config = false;
  auto* serve = cli.add_subcommand("serve", "serve the web application");
  serve->add_option("--host", config.host, "address to listen on")->capture_default_str();
  serve->add_option("--port", config.port, "port to listen on (0 = any free port)")
      ->capture_default_str();
  serve->add_flag("--print-config", print_config, "print the effective configuration and exit");
  // Subcommands accept --data-dir after their name too, as the README shows.
  for (auto* sub : {serve}) sub->add_option("--data-dir", data_dir, "see smedash --help");

  auto* migrate = cli.add_subcommand("migrate", "apply database migrations");
  auto* check_db = cli.add_subcommand("check-db", "connect and print the PostgreSQL version");
  std::string admin_username = "admin";
  auto* create_admin = cli.add_subcommand(
      "create-admin", "create or reset an admin; password from SMEDASH_ADMIN_PASSWORD or stdin");
  create_admin->add_option("--username", admin_username, "the admin's username")
      ->capture_default_str();

  std::vector<std::string> import_files;
  std::string number_format = "auto";
  std::string import_user;
  auto* import = cli.add_subcommand("import", "load loan files through the upload pipeline");
  import->add_option("files", import_files, "loan files (.csv, .xlsx, .xls)")->required();
  import->add_option("--number-format", number_format, "auto, id (1.234,56) or en (1,234.56)")
      ->capture_default_str();
  import->add_option("--user", import_user, "record the uploads as this user's");

  smedash::ingest::demo::DemoOptions demo;
  std::string demo_format = "csv";
  std::string demo_layout = "alternate";
  auto* demo_data = cli.add_subcommand("demo-data", "write realistic sample loan files");
  demo_data->add_option("--out", demo.out_dir, "folder to write the files into")->required();
  demo_data->add_option("--positions", demo.positions, "business days, ending 09/10/2025")
      ->capture_default_str();
  demo_data->add_option("--accounts", demo.accounts, "accounts at the first position")
      ->capture_default_str();
  demo_data->add_option("--format", demo_format, "csv, xlsx or xls")->capture_default_str();
  demo_data->add_option("--layout", demo_layout, "alternate, 38 or 33 columns")
      ->capture_default_str();
  demo_data->add_option("--seed", demo.seed, "same seed, same files")->capture_default_str();
  std::string demo_end = demo.end.ToIso();
  demo_data->add_option("--end", demo_end, "last position, yyyy-mm-dd")->capture_default_str();

  for (auto* sub : {migrate, check_db, create_admin, import}) {
    sub->add_option("--data-dir", data_dir, "see smedash --help");
  }

  CLI11_PARSE(cli, argc, argv);
  config.data_dir = data_dir;

  try {
    if (*serve) return Serve(config, print_config);
    if (*check_db) return CheckDb(config);
    if (*create_admin) return CreateAdmin(config, admin_username);
    if (*import) return Import(config, import_files, number_format, import_user);
    if (*demo_data) {
      auto format = smedash::ingest::demo::ParseDemoFormat(demo_format);
      auto layout = smedash::ingest::demo::ParseDemoLayout(demo_layout);
      auto end = smedash::core::Date::ParseIso(demo_end);
      if (!format || !layout || !end) {
        std::cerr << "demo-data: --format must be csv, xlsx or xls; --layout alternate, 38 or "
                     "33; --end a date yyyy-mm-dd\n";
        return 2;
      }
      demo.end = *end;
      demo.format = *format;
      demo.layout = *layout;
      return smedash::ingest::demo::DemoDataCommand(demo, std::cout, std::cerr);
    }
    if (*migrate) {
      smedash::db::Database database(config);
      Migrate(database.ConnectionString());
      std::cout << "migrate: database is up to date\n";
      return 0;
    }
  } catch (const std::exception& error) {
    spdlog::error("{}", error.what());
    std::cerr << "smedash: " << error.what() << "\n";
    return 1;
  }
  return 2;
}
