#include "ingest/demo/demo_data.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/demo/demo_row.hpp"
#include "ingest/demo/demo_writers.hpp"
#include "ingest/demo/portfolio.hpp"

extern char** environ;

namespace smedash::ingest::demo {
namespace {

namespace fs = std::filesystem;

// The last `count` business days up to `end`, oldest first.
std::vector<core::Date> BusinessDays(core::Date end, int count) {
  std::vector<core::Date> days;
  for (std::optional<core::Date> day = end; day && static_cast<int>(days.size()) < count;
       day = day->AddDays(-1)) {
    if (!day->IsWeekend()) days.insert(days.begin(), *day);
  }
  return days;
}

std::string FileName(core::Date position, std::string_view extension) {
  std::string iso = position.ToIso();
  return "SME_POSITION_" + iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2) + "." +
         std::string(extension);
}

std::span<const Column> LayoutFor(DemoLayout layout, std::size_t position_idx) {
  switch (layout) {
    case DemoLayout::kSeed:
      return SeedLayout();
    case DemoLayout::kLater:
      return LaterLayout();
    case DemoLayout::kAlternate:
      break;
  }
  return position_idx % 2 == 0 ? SeedLayout() : LaterLayout();
}

std::optional<fs::path> FindOnPath(std::string_view program) {
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/bin:/bin";
  while (!dirs.empty()) {
    const auto colon = dirs.find(':');
    const fs::path candidate = fs::path(dirs.substr(0, colon)) / program;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    dirs = colon == std::string_view::npos ? std::string_view() : dirs.substr(colon + 1);
  }
  return std::nullopt;
}

// LibreOffice turns the workbooks into Excel 97 files. Its own profile directory under
// `work_dir` lets it run while another LibreOffice (a test, a user) is running.
void ConvertToXls(const fs::path& soffice, const std::vector<fs::path>& workbooks,
                  const fs::path& out_dir, const fs::path& work_dir) {
  std::vector<std::string> args = {
      soffice.string(),
      "--headless",
      "--norestore",
      "--nologo",
      "-env:UserInstallation=file://" + (work_dir / "profile").string(),
      "--convert-to",
      "xls",
      "--outdir",
      out_dir.string()};
  for (const auto& workbook : workbooks) args.push_back(workbook.string());
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const fs::path log = work_dir / "soffice.log";
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  pid_t pid = 0;
  const int spawn_error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawn_error != 0) {
    throw std::runtime_error("cannot start " + soffice.string() + ": " +
                             std::strerror(spawn_error));
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  std::ifstream log_in(log);
  const std::string output((std::istreambuf_iterator<char>(log_in)),
                           std::istreambuf_iterator<char>());
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    throw std::runtime_error("LibreOffice could not convert the workbooks to xls: " + output);
  }
  for (const auto& workbook : workbooks) {
    const fs::path xls = out_dir / workbook.filename().replace_extension(".xls");
    if (!fs::exists(xls)) {
      throw std::runtime_error("LibreOffice did not write " + xls.string() + ": " + output);
    }
  }
}

// A scratch directory removed on scope exit, whatever happens.
class TempDir {
 public:
  explicit TempDir(const fs::path& parent) {
    std::string pattern = (parent / ".demo-data-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      throw std::runtime_error("cannot create a temporary directory in " + parent.string());
    }
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& Path() const { return path_; }

 private:
  fs::path path_;
};

std::string Size(std::uintmax_t bytes) {
  char text[32];
  if (bytes >= 1024 * 1024) {
    std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024 * 1024));
  } else {
    std::snprintf(text, sizeof text, "%.1f KB", static_cast<double>(bytes) / 1024);
  }
  return text;
}

int Run(const DemoOptions& options, std::ostream& out) {
  const auto started = std::chrono::steady_clock::now();
  std::optional<fs::path> soffice;
  if (options.format == DemoFormat::kXls) {
    soffice = FindOnPath("soffice");
    if (!soffice) {
      throw std::runtime_error(
          "--format xls needs LibreOffice's soffice on PATH (Debian: apt-get install "
          "libreoffice-calc-nogui); --format xlsx or csv need nothing else");
    }
  }
  fs::create_directories(options.out_dir);
  const std::vector<core::Date> days = BusinessDays(options.end, options.positions);
  std::optional<TempDir> work;
  if (options.format != DemoFormat::kCsv) work.emplace(options.out_dir);

  Portfolio portfolio(static_cast<std::size_t>(options.accounts), options.seed, days.front());
  RowFormatter formatter;
  std::vector<bool> customer_seen;
  std::vector<fs::path> workbooks;
  std::uint64_t total_rows = 0;

  for (std::size_t position_idx = 0; position_idx < days.size(); ++position_idx) {
    const core::Date position = days[position_idx];
    if (position_idx > 0) portfolio.Advance(position);
    const std::span<const Column> layout = LayoutFor(options.layout, position_idx);
    const auto& accounts = portfolio.Accounts();
    if (options.format == DemoFormat::kXls && accounts.size() >= 65536) {
      throw std::runtime_error("position " + position.ToIso() + " has " +
                               std::to_string(accounts.size()) +
                               " accounts; an XLS sheet holds at most 65,535 rows of data");
    }

    fs::path path;
    std::unique_ptr<DemoFileWriter> writer;
    if (options.format == DemoFormat::kCsv) {
      path = options.out_dir / FileName(position, "csv");
      writer = OpenCsvWriter(path, layout);
    } else {
      path = (options.format == DemoFormat::kXlsx ? options.out_dir : work->Path()) /
             FileName(position, "xlsx");
      // Noon UTC of the position: a fixed creation time keeps workbooks reproducible.
      const std::int64_t created = position.DaysSinceEpoch() * 86400 + 12 * 3600;
      writer = OpenXlsxWriter(path, layout, work->Path(), created);
    }
    customer_seen.assign(portfolio.CustomerCount(), false);
    for (const Account& account : accounts) {
      const bool repeat = customer_seen[account.cif];
      customer_seen[account.cif] = true;
      writer->WriteRow(formatter.Format(portfolio, account, position, repeat));
    }
    writer->Close();
    total_rows += accounts.size();
    if (options.format == DemoFormat::kXls) {
      workbooks.push_back(path);
      continue;
    }
    out << path.string() << "  " << accounts.size() << " rows, " << layout.size() << " columns, "
        << Size(fs::file_size(path)) << '\n';
  }

  if (options.format == DemoFormat::kXls) {
    ConvertToXls(*soffice, workbooks, options.out_dir, work->Path());
    for (const auto& workbook : workbooks) {
      const fs::path xls = options.out_dir / workbook.filename().replace_extension(".xls");
      out << xls.string() << "  " << Size(fs::file_size(xls)) << '\n';
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  char summary[160];
  std::snprintf(summary, sizeof summary, "%zu files, %llu rows, positions %s to %s, %.1f s\n",
                days.size(), static_cast<unsigned long long>(total_rows),
                days.front().ToIso().c_str(), days.back().ToIso().c_str(), seconds);
  out << summary;
  return 0;
}

}  // namespace

std::optional<DemoFormat> ParseDemoFormat(std::string_view text) {
  if (text == "csv") return DemoFormat::kCsv;
  if (text == "xlsx") return DemoFormat::kXlsx;
  if (text == "xls") return DemoFormat::kXls;
  return std::nullopt;
}

std::optional<DemoLayout> ParseDemoLayout(std::string_view text) {
  if (text == "alternate") return DemoLayout::kAlternate;
  if (text == "38") return DemoLayout::kSeed;
  if (text == "33") return DemoLayout::kLater;
  return std::nullopt;
}

int DemoDataCommand(const DemoOptions& options, std::ostream& out, std::ostream& err) {
  if (options.out_dir.empty()) {
    err << "demo-data: --out DIR is required\n";
    return 2;
  }
  if (options.positions < 1 || options.positions > kMaxDemoPositions) {
    err << "demo-data: --positions must be 1.." << kMaxDemoPositions << '\n';
    return 2;
  }
  if (options.accounts < 1 || options.accounts > kMaxDemoAccounts) {
    err << "demo-data: --accounts must be 1.." << kMaxDemoAccounts << '\n';
    return 2;
  }
  if (options.format == DemoFormat::kXls && options.accounts > kMaxXlsAccounts) {
    err << "demo-data: --format xls allows at most " << kMaxXlsAccounts
        << " accounts (an XLS sheet stops at 65,536 rows); use xlsx or csv for more\n";
    return 2;
  }
  if (options.end.Year() < 1901) {
    err << "demo-data: --end must be a date after 1900\n";
    return 2;
  }
  try {
    return Run(options, out);
  } catch (const std::exception& error) {
    err << "demo-data: " << error.what() << '\n';
    return 1;
  }
}

}  // namespace smedash::ingest::demo
