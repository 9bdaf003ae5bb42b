// metrics::CountCustomers on hand-made facts: distinct customers per unit, kanca, all
// offices, all KCPs and total, and exact even when two different CIFNOs share a hash. (Pure; it
// lives with the load tests because the loads are what use it.)
#include "metrics/customer_counter.hpp"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

namespace smedash::metrics {
namespace {

using Counts =
    std::vector<std::tuple<std::uint32_t, CountLevel, std::uint32_t, std::uint32_t, std::uint64_t>>;

Counts AsTuples(const std::vector<CustomerCount>& counts) {
  Counts tuples;
  for (const auto& c : counts) tuples.emplace_back(c.periode, c.level, c.key, c.group, c.customers);
  return tuples;
}

class Cifs {
 public:
  // Appends `cif` and returns its offset.
  std::uint32_t Add(const std::string& cif) {
    const auto offset = static_cast<std::uint32_t>(text_.size());
    text_ += cif;
    text_ += '\0';
    return offset;
  }
  std::string_view Text() const { return text_; }

 private:
  std::string text_;
};

TEST(CustomerCounterTest, CountsEachCustomerOncePerLevel) {
  // Units 0 (office) and 1 (KCP) in kanca 0, unit 2 (office) in kanca 1; segments 0 and 1;
  // groups: {0}, {0,1}.
  Cifs cifs;
  std::vector<CustomerFact> facts = {
      {1, cifs.Add("A"), 0, 0, 0}, {1, cifs.Add("A"), 0, 0, 1},  // A twice at unit 0
      {1, cifs.Add("A"), 0, 2, 1},                               // and at unit 2 (kanca 1)
      {2, cifs.Add("B"), 0, 1, 1},                               // B at unit 1
      {2, cifs.Add("B"), 1, 1, 0},                               // B at the next position
  };
  const std::vector<UnitPlace> units = {{0, true}, {0, false}, {1, true}};
  const Counts counts = AsTuples(CountCustomers(facts, cifs.Text(), units, {0b01, 0b11}));
  using L = CountLevel;
  EXPECT_EQ(counts,
            (Counts{
                {0, L::kUnit, 0, 0, 1},    {0, L::kUnit, 0, 1, 1},   // A
                {0, L::kUnit, 1, 1, 1},                              // B (segment 1 only)
                {0, L::kUnit, 2, 1, 1},                              // A
                {0, L::kKanca, 0, 0, 1},   {0, L::kKanca, 0, 1, 2},  // A; A and B
                {0, L::kKanca, 1, 1, 1},                             // A
                {0, L::kTotal, 0, 0, 1},   {0, L::kTotal, 0, 1, 2}, {0, L::kOffices, 0, 0, 1},
                {0, L::kOffices, 0, 1, 1},  // A in two offices counts once
                {0, L::kKcps, 0, 1, 1},     // B
                {1, L::kUnit, 1, 0, 1},    {1, L::kUnit, 1, 1, 1},  {1, L::kKanca, 0, 0, 1},
                {1, L::kKanca, 0, 1, 1},   {1, L::kTotal, 0, 0, 1}, {1, L::kTotal, 0, 1, 1},
                {1, L::kKcps, 0, 0, 1},    {1, L::kKcps, 0, 1, 1},
            }));
}

TEST(CustomerCounterTest, ACustomerOfAnOfficeAndAKcpCountsOnEachSideOnce) {
  // Unit 0 office, units 1 and 2 KCPs, all in kanca 0; one segment, one group.
  Cifs cifs;
  std::vector<CustomerFact> facts = {
      {1, cifs.Add("A"), 0, 0, 0},
      {1, cifs.Add("A"), 0, 1, 0},
      {1, cifs.Add("A"), 0, 2, 0},
      {2, cifs.Add("B"), 0, 2, 0},
  };
  const std::vector<UnitPlace> units = {{0, true}, {0, false}, {0, false}};
  const Counts counts = AsTuples(CountCustomers(facts, cifs.Text(), units, {0b1}));
  using L = CountLevel;
  EXPECT_EQ(counts, (Counts{
                        {0, L::kUnit, 0, 0, 1},
                        {0, L::kUnit, 1, 0, 1},
                        {0, L::kUnit, 2, 0, 2},
                        {0, L::kKanca, 0, 0, 2},
                        {0, L::kTotal, 0, 0, 2},
                        {0, L::kOffices, 0, 0, 1},  // A
                        {0, L::kKcps, 0, 0, 2},     // A (two KCPs, once) and B
                    }));
}

TEST(CustomerCounterTest, DifferentCifsWithTheSameHashStayApart) {
  Cifs cifs;
  std::vector<CustomerFact> facts = {
      {7, cifs.Add("X"), 0, 0, 0}, {7, cifs.Add("Y"), 0, 0, 0}, {7, cifs.Add("X"), 0, 0, 0},
      {7, cifs.Add("Y"), 0, 0, 0}, {7, cifs.Add("Z"), 0, 0, 0},
  };
  const Counts counts = AsTuples(CountCustomers(facts, cifs.Text(), {{0, false}}, {0b1}));
  using L = CountLevel;
  EXPECT_EQ(counts, (Counts{{0, L::kUnit, 0, 0, 3},
                            {0, L::kKanca, 0, 0, 3},
                            {0, L::kTotal, 0, 0, 3},
                            {0, L::kKcps, 0, 0, 3}}));
}

}  // namespace
}  // namespace smedash::metrics
