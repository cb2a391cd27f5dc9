// Step 5: the celebration feed, as text or Markdown (docs/celebrations.md).
#include <algorithm>

#include "celebrate/newsletter.hpp"
#include "levande/celebrate.hpp"
#include "levande/error.hpp"
#include "workspace/model_view.hpp"

namespace levande {

std::string celebration_feed(const Workspace &workspace, const FeedOptions &options) {
  const auto &t = detail::ModelView(workspace).tables();
  const auto f = options.format;
  if (f == FeedFormat::newsletter)
    return detail::newsletter_markdown(detail::newsletter(t, options));
  if (f != FeedFormat::text && f != FeedFormat::markdown)
    throw Error(Errc::invalid_argument, "format", std::to_string(static_cast<int>(f)),
                "is not text, markdown or newsletter");
  std::string out;
  for (const auto &[s, who, group] : detail::feed_rows(t, options)) {
    const std::string name = who     ? detail::clean(who->name, f)
                             : group ? detail::clean(group->name, f)
                                     : std::string();
    const std::string suffix = who && group ? " (" + detail::clean(group->name, f) + ")" : "";
    if (f == FeedFormat::text) {
      out += s->date.to_string() + "  ";
      if (!name.empty()) out += name + suffix + ": ";
      out += detail::clean(s->title, f) + "\n";
    } else {
      out += "- ";
      if (!name.empty()) out += "**" + name + "**" + suffix + ", ";
      out += s->date.to_string() + ": " + detail::clean(s->title, f) + "\n";
    }
  }
  return out;
}

}  // namespace levande
