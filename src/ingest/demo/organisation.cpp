#include "ingest/demo/organisation.hpp"

#include <array>

namespace smedash::ingest::demo {
namespace {

constexpr int kOfficeWeight = 3;  // a kanca's own office books more loans than a KCP
constexpr int kKcpWeight = 1;

constexpr std::array<DemoUnit, 64> kUnits = {{
    {5, "KC Bandung AA", 5, "KC Bandung AA", 2 * kOfficeWeight},
    {25, "KC Garut", 25, "KC Garut", kOfficeWeight},
    {28, "KC Tasikmalaya", 28, "KC Tasikmalaya", kOfficeWeight},
    {46, "KC Sumedang", 46, "KC Sumedang", kOfficeWeight},
    {75, "KC Cimahi", 75, "KC Cimahi", kOfficeWeight},
    {92, "KC Ciamis", 92, "KC Ciamis", kOfficeWeight},
    {94, "KC Subang", 94, "KC Subang", kOfficeWeight},
    {100, "KC Purwakarta", 100, "KC Purwakarta", kOfficeWeight},
    {104, "KC Majalengka", 104, "KC Majalengka", kOfficeWeight},
    {105, "KC Kuningan", 105, "KC Kuningan", kOfficeWeight},
    {107, "KC Cianjur", 107, "KC Cianjur", kOfficeWeight},
    {123, "KC Sukabumi", 123, "KC Sukabumi", kOfficeWeight},
    {132, "KC Banjar", 132, "KC Banjar", kOfficeWeight},
    {133, "KC Pangandaran", 133, "KC Pangandaran", kOfficeWeight},
    {137, "KC Soreang", 137, "KC Soreang", kOfficeWeight},
    {161, "KC Padalarang", 161, "KC Padalarang", kOfficeWeight},
    {162, "KC Lembang", 162, "KC Lembang", kOfficeWeight},
    {165, "KC Cicalengka", 165, "KC Cicalengka", kOfficeWeight},
    {181, "KC Rancaekek", 181, "KC Rancaekek", kOfficeWeight},
    {286, "KC Singaparna", 286, "KC Singaparna", kOfficeWeight},
    {337, "KC Banjaran", 337, "KC Banjaran", kOfficeWeight},
    {354, "KC Majalaya", 354, "KC Majalaya", kOfficeWeight},
    {355, "KC Kopo", 355, "KC Kopo", kOfficeWeight},
    {389, "KC Dago", 389, "KC Dago", kOfficeWeight},
    {401, "KC Setiabudi", 401, "KC Setiabudi", kOfficeWeight},
    {405, "KC Buahbatu", 405, "KC Buahbatu", kOfficeWeight},
    {406, "KC Ujungberung", 406, "KC Ujungberung", kOfficeWeight},
    {407, "KC Cimindi", 407, "KC Cimindi", kOfficeWeight},
    {408, "KC Cibadak", 408, "KC Cibadak", kOfficeWeight},
    {544, "KC Pelabuhan Ratu", 544, "KC Pelabuhan Ratu", kOfficeWeight},
    {675, "KCP Rajawali Bandung", 5, "KC Bandung AA", kKcpWeight},
    {1021, "KCP Pasar Baru", 5, "KC Bandung AA", kKcpWeight},
    {1346, "KCP Cikajang", 25, "KC Garut", kKcpWeight},
    {1455, "KCP Kadungora", 25, "KC Garut", kKcpWeight},
    {1890, "KCP Pameungpeuk", 25, "KC Garut", kKcpWeight},
    {612, "KCP Cikurubuk", 28, "KC Tasikmalaya", kKcpWeight},
    {1533, "KCP Rajapolah", 28, "KC Tasikmalaya", kKcpWeight},
    {1102, "KCP Jatinangor", 46, "KC Sumedang", kKcpWeight},
    {1610, "KCP Tanjungsari", 46, "KC Sumedang", kKcpWeight},
    {848, "KCP Cimahi Tengah", 75, "KC Cimahi", kKcpWeight},
    {1391, "KCP Batujajar", 75, "KC Cimahi", kKcpWeight},
    {1207, "KCP Kawali", 92, "KC Ciamis", kKcpWeight},
    {1265, "KCP Pamanukan", 94, "KC Subang", kKcpWeight},
    {1702, "KCP Jalancagak", 94, "KC Subang", kKcpWeight},
    {1318, "KCP Plered", 100, "KC Purwakarta", kKcpWeight},
    {1480, "KCP Jatiwangi", 104, "KC Majalengka", kKcpWeight},
    {1529, "KCP Cilimus", 105, "KC Kuningan", kKcpWeight},
    {733, "KCP Cipanas", 107, "KC Cianjur", kKcpWeight},
    {1644, "KCP Sukanagara", 107, "KC Cianjur", kKcpWeight},
    {915, "KCP Cicurug", 123, "KC Sukabumi", kKcpWeight},
    {1566, "KCP Langensari", 132, "KC Banjar", kKcpWeight},
    {1932, "KCP Parigi", 133, "KC Pangandaran", kKcpWeight},
    {1073, "KCP Ciwidey", 137, "KC Soreang", kKcpWeight},
    {1299, "KCP Cililin", 161, "KC Padalarang", kKcpWeight},
    {1415, "KCP Cisarua", 162, "KC Lembang", kKcpWeight},
    {1777, "KCP Nagreg", 165, "KC Cicalengka", kKcpWeight},
    {1677, "KCP Cileunyi", 181, "KC Rancaekek", kKcpWeight},
    {1588, "KCP Manonjaya", 286, "KC Singaparna", kKcpWeight},
    {1850, "KCP Paseh", 354, "KC Majalaya", kKcpWeight},
    {1133, "KCP Cigadung", 389, "KC Dago", kKcpWeight},
    {1742, "KCP Margacinta", 405, "KC Buahbatu", kKcpWeight},
    {1966, "KCP Leuwigajah", 407, "KC Cimindi", kKcpWeight},
    {1788, "KCP Parungkuda", 408, "KC Cibadak", kKcpWeight},
    {1821, "KCP Cisolok", 544, "KC Pelabuhan Ratu", kKcpWeight},
}};

}  // namespace

std::span<const DemoUnit> Units() { return kUnits; }

}  // namespace smedash::ingest::demo
