// The progress line (progress.hpp).
#include "progress.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace levande::cli {

Progress::Progress(std::string task, std::size_t steps)
    : task_(std::move(task)), steps_(steps), start_(std::chrono::steady_clock::now()) {
  if (!isatty(STDERR_FILENO)) return;  // piped or redirected: nothing at all
  if (const char *after = std::getenv("LEVANDE_PROGRESS_AFTER_MS"))
    after_ = std::chrono::milliseconds(std::strtol(after, nullptr, 10));
  active_ = true;
  if (after_.count() <= 0) draw();  // asked for at once: shown even if the work is instant
  thread_ = std::thread([this] { run(); });
}

Progress::~Progress() {
  if (!active_) return;
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (drawn_) std::fprintf(stderr, "\r\033[K");  // erase the line
  std::fflush(stderr);
}

void Progress::step(std::string label) {
  std::lock_guard lock(mutex_);
  if (!label_.empty()) ++done_;
  label_ = std::move(label);
}

void Progress::run() {
  std::unique_lock lock(mutex_);
  // Quiet until the delay has passed (a fast command never shows a line), then
  // redraw ten times a second.
  if (wake_.wait_until(lock, start_ + after_, [this] { return stop_; })) return;
  while (!stop_) {
    draw();
    wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stop_; });
  }
}

void Progress::draw() {
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  std::string line = "\r\033[K" + task_;
  if (steps_ > 0) {
    constexpr std::size_t width = 20;
    const std::size_t filled = done_ * width / steps_;
    line += " [" + std::string(filled, '#') + std::string(width - filled, '-') + "] " +
            std::to_string(done_) + "/" + std::to_string(steps_);
  }
  if (!label_.empty()) line += " " + label_;
  char elapsed[32];
  std::snprintf(elapsed, sizeof elapsed, "  %.1f s", seconds);
  std::fputs((line + elapsed).c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace levande::cli
