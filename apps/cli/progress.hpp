// A progress line on stderr for commands that take more than about a
// second — only when stderr is a terminal, so pipes and logs stay clean.
#ifndef LEVANDE_APPS_CLI_PROGRESS_HPP
#define LEVANDE_APPS_CLI_PROGRESS_HPP

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <string>
#include <thread>

namespace levande::cli {

class Progress {
 public:
  // `steps` known steps (a bar), or 0 for work of unknown length (elapsed
  // time only). The line appears once the work has run for a second
  // (LEVANDE_PROGRESS_AFTER_MS overrides, e.g. 0 to see it at once).
  Progress(std::string task, std::size_t steps);
  ~Progress();  // erases the line
  Progress(const Progress &) = delete;
  Progress &operator=(const Progress &) = delete;

  // Starts the next step, named for the line.
  void step(std::string label);

 private:
  void run();
  void draw();

  std::string task_, label_;
  std::size_t steps_, done_ = 0;
  bool active_ = false, stop_ = false, drawn_ = false;
  std::chrono::milliseconds after_{1000};
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace levande::cli

#endif
