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
  smedash::http::ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.worker_threads = config.worker_threads;
  options.upload_dir = config.data_dir / "tmp";
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
  for (auto* sub : {migrate, check_db, create_admin}) {
    sub->add_option("--data-dir", data_dir, "see smedash --help");
  }

  CLI11_PARSE(cli, argc, argv);
  config.data_dir = data_dir;

  try {
    if (*serve) return Serve(config, print_config);
    if (*check_db) return CheckDb(config);
    if (*create_admin) return CreateAdmin(config, admin_username);
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
