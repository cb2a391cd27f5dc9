// Power cuts, I/O errors and short writes at every call the workload makes
// (docs/reliability.md, "Power loss and faults"). After each fault the file
// opens, SQLite's integrity check and levande check pass, and it holds every
// acknowledged step and nothing of a step that was not whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "fault_vfs.hpp"
#include "levande/io/json.hpp"
#include "sqlite_helpers.hpp"
#include "test_helpers.hpp"
#include "workload.hpp"

namespace levande::test::fault {
namespace {

class FaultInjection : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    install();
    template_path_ = test::temp_db("template.levande");
    std::filesystem::remove(template_path_);
    arm(Fault::none, 0);
    example_programme().save_as(template_path_);
    states_ = expected_states(template_path_, test::temp_db("expected.levande"));
  }

  // Runs the workload once per call the fault counts, striking at each in turn.
  // Returns how many faults were injected.
  std::int64_t campaign(Fault fault) {
    const auto path = test::temp_db("faulted.levande");
    restore(template_path_, path);
    forget();
    arm(Fault::none, 0);
    const Outcome clean = run(path);
    EXPECT_TRUE(clean.closed) << clean.failure;
    const std::int64_t total = calls(fault);
    EXPECT_GT(total, 100) << "the workload touches the file too little to test anything";
    // A power cut keeps a random part of the unsynced writes: a longer
    // campaign (scripts/fault.sh) cuts at each call with several seeds.
    const char *env = std::getenv("LEVANDE_FAULT_ROUNDS");
    const int rounds =
        fault == Fault::power_cut && env != nullptr ? std::max(1, std::atoi(env)) : 1;
    std::int64_t injected = 0;
    for (std::int64_t run_no = 0; run_no < total * rounds; run_no += stride()) {
      const std::int64_t at = 1 + run_no % total;
      restore(template_path_, path);
      forget();
      arm(fault, at, static_cast<std::uint32_t>(run_no + 1));
      const Outcome got = run(path);
      if (!tripped()) continue;  // the run took another path and ended earlier
      ++injected;
      if (fault == Fault::power_cut) reboot();
      arm(Fault::none, 0);
      if (!got.closed) {
        // The caller hears of the fault as an I/O error or a damaged file,
        // never as something internal.
        EXPECT_TRUE(got.code == Errc::io_error || got.code == Errc::corrupt)
            << "fault at call " << at << ": " << got.failure;
      }
      const auto problem = verify(path, got, states_);
      EXPECT_EQ(problem, "") << "fault at call " << at << " of " << total << " (" << got.failure
                             << ")";
      if (!problem.empty()) break;  // one clear failure, not hundreds
    }
    std::printf("[ fault    ] %lld faults injected, at %lld different calls\n",
                static_cast<long long>(injected), static_cast<long long>(total));
    return injected;
  }

  static inline std::string template_path_;
  static inline std::vector<std::string> states_;
};

TEST_F(FaultInjection, TheExpectedStatesDifferStepByStep) {
  // Each step changes the file, so verify() can tell them apart.
  for (std::size_t k = 1; k < states_.size(); ++k)
    EXPECT_NE(states_[k], states_[k - 1]) << "step " << k;
}

TEST_F(FaultInjection, APowerCutAtAnyWriteLosesNoAcknowledgedStep) {
  EXPECT_GT(campaign(Fault::power_cut) * stride(), 200);
}

TEST_F(FaultInjection, AnIoErrorAtAnyCallLeavesASoundFile) {
  EXPECT_GT(campaign(Fault::io_error) * stride(), 200);
}

TEST_F(FaultInjection, AShortWriteAtAnyWriteLeavesASoundFile) {
  EXPECT_GT(campaign(Fault::short_write) * stride(), 200);
}

}  // namespace
}  // namespace levande::test::fault
