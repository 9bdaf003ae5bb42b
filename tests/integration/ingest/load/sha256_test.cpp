// ingest::Sha256 (CPU SHA instructions where present) against libsodium's portable
// SHA-256 and the FIPS 180-2 examples. (Pure; lives with the load tests like the command
// that uses it.)
#include "ingest/load/sha256.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "support/temp_dir.hpp"

namespace smedash::ingest {
namespace {

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex;
  for (std::size_t i = 0; i < size; ++i) {
    static constexpr char kHex[] = "0123456789abcdef";
    hex += kHex[bytes[i] >> 4];
    hex += kHex[bytes[i] & 15];
  }
  return hex;
}

std::string Ours(const std::string& data, std::size_t piece, bool portable_only = false) {
  Sha256 hash(portable_only);
  for (std::size_t at = 0; at < data.size(); at += piece) {
    hash.Update(data.data() + at, std::min(piece, data.size() - at));
  }
  const auto digest = hash.Final();
  return Hex(digest.data(), digest.size());
}

std::string Sodium(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return Hex(digest, sizeof digest);
}

TEST(Sha256Test, KnownDigests) {
  EXPECT_EQ(Ours("", 1), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Ours("abc", 1), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Ours("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 7),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST(Sha256Test, AgreesWithLibsodiumForEveryLengthAndSplit) {
  ASSERT_GE(sodium_init(), 0);
  std::mt19937 random(20251009);
  std::string data;
  for (std::size_t length = 0; length < 300; ++length) {
    EXPECT_EQ(Ours(data, 1 + length % 70), Sodium(data)) << "length " << length;
    EXPECT_EQ(Ours(data, 1 + length % 70, true), Sodium(data)) << "portable, length " << length;
    data += static_cast<char>(random());
  }
  data.resize(3'000'017);
  for (char& c : data) c = static_cast<char>(random());
  EXPECT_EQ(Ours(data, 1 << 20), Sodium(data));
  EXPECT_EQ(Ours(data, 4093), Sodium(data));
  EXPECT_EQ(Ours(data, 4093, true), Sodium(data));
}

TEST(Sha256Test, OfFile) {
  smedash::testing::TempDir dir;
  const auto path = dir.Path() / "f.bin";
  std::string data(2'500'000, 'x');
  std::ofstream(path, std::ios::binary) << data;
  EXPECT_EQ(Sha256OfFile(path), Sodium(data));
  EXPECT_THROW(Sha256OfFile(dir.Path() / "missing"), std::runtime_error);
}

}  // namespace
}  // namespace smedash::ingest
