#include "i18n/language.hpp"

#include <algorithm>
#include <boost/locale.hpp>
#include <boost/locale/gnu_gettext.hpp>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>

#include <unicode/dcfmtsym.h>
#include <unicode/numfmt.h>
#include <unicode/unistr.h>

#include "i18n/catalogues.hpp"
#include "levande/error.hpp"

namespace levande::i18n {

namespace bl = boost::locale;

namespace {

constexpr const char *kDomain = "levande";

const Catalogue *catalogue_for(std::string_view language) {
  for (const auto &c : catalogues) {
    if (language == c.language) return &c;
  }
  return nullptr;
}

// "sv-SE", "sv_SE.UTF-8", "SV" → "sv".
std::string primary_subtag(std::string_view tag) {
  std::string out;
  for (char c : tag) {
    if (c == '-' || c == '_' || c == '.' || c == '@') break;
    out += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return out;
}

// The catalogue's bytes, handed to Boost.Locale instead of a file: it asks
// for "<path>/<language>/LC_MESSAGES/levande.mo" and gets the embedded copy.
std::vector<char> embedded(const std::string &file, const std::string &) {
  for (const auto &c : catalogues) {
    const std::string wanted = std::string("/") + c.language + "/LC_MESSAGES/" + kDomain + ".mo";
    if (file.ends_with(wanted)) {
      const auto *bytes = reinterpret_cast<const char *>(c.data);
      return {bytes, bytes + c.size};
    }
  }
  return {};
}

// The CLDR locale a language's numbers, dates and collation come from. The
// region only picks conventions within the language; UTF-8 throughout.
std::locale make_locale(const std::string &language) {
  static std::mutex mutex;
  const std::lock_guard lock(mutex);  // the generator is not thread-safe
  static bl::generator generator;
  const std::locale base = generator(language + ".UTF-8");
  if (language == "en") return base;
  bl::gnu_gettext::messages_info info;
  info.language = language;
  info.encoding = "UTF-8";
  info.domains.emplace_back(kDomain);
  info.paths.emplace_back("");
  info.callback = embedded;
  return std::locale(base, bl::gnu_gettext::create_messages_facet<char>(info));
}

std::string with_decimals(double v, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
  return buffer;
}

// English house style (unchanged from the report's first version): digits
// grouped by threes with no-break spaces, a true minus sign.
std::string grouped(std::string digits) {
  std::string out;
  const bool negative = !digits.empty() && digits[0] == '-';
  if (negative) digits.erase(0, 1);
  const auto point = std::min(digits.find('.'), digits.size());
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && i < point && (point - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  return (negative ? "\u2212" : "") + out;
}

// The count gettext picks a plural form by (an int): past the int range
// every language uses its "many" form, which the clamped count keeps.
int plural_count(std::int64_t n) {
  return static_cast<int>(std::clamp<std::int64_t>(n, -1000000000, 1000000000));
}

}  // namespace

Language::Language(std::string tag)
    : tag_(std::move(tag)), locale_(make_locale(tag_)), decimal_(".") {
  if (!english()) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::DecimalFormatSymbols symbols(icu::Locale(tag_.c_str()), status);
    if (U_SUCCESS(status)) {
      decimal_.clear();
      symbols.getConstSymbol(icu::DecimalFormatSymbols::kDecimalSeparatorSymbol)
          .toUTF8String(decimal_);
    }
  }
}

double Language::parse_number(std::string_view text, const char *field) const {
  std::string plain(text);
  if (plain.starts_with("\u2212")) plain.replace(0, 3, "-");
  const bool comma = plain.find(',') != std::string::npos;
  if (comma && decimal_ == "," && plain.find('.') == std::string::npos)
    std::replace(plain.begin(), plain.end(), ',', '.');
  double value = 0;
  const char *end = plain.data() + plain.size();
  const auto [stop, error] = std::from_chars(plain.data(), end, value);
  if (plain.empty() || error != std::errc() || stop != end || !std::isfinite(value)) {
    std::string hint = "is not a number";
    if (comma && decimal_ != ",")
      hint += "; write a decimal point (8.4), or choose a language with a decimal comma (sv)";
    else if (decimal_ == ",")
      hint += " (write 8,4 or 8.4, without digit grouping)";
    throw Error(Errc::invalid_argument, field, std::string(text), hint);
  }
  return value;
}

std::string Language::available_list() {
  std::string list;
  for (const auto &l : available())
    list += (list.empty() ? "" : ", ") + l;
  return list;
}

std::string Language::normalise(std::string_view tag) {
  return tag.empty() ? "en" : primary_subtag(tag);
}

bool Language::known(std::string_view tag) {
  const auto language = normalise(tag);
  return language == "en" || catalogue_for(language) != nullptr;
}

const Language &Language::of(std::string_view tag, const char *field) {
  const std::string language = normalise(tag);
  if (!known(language)) {
    throw Error(Errc::invalid_argument, field, std::string(tag),
                "is not a language levande writes (" + available_list() + ")");
  }
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<const Language>, std::less<>> languages;
  const std::lock_guard lock(mutex);
  auto it = languages.find(language);
  if (it == languages.end())
    it = languages.emplace(language, std::unique_ptr<const Language>(new Language(language))).first;
  return *it->second;
}

const Language &Language::chosen(std::string_view option, std::string_view workspace,
                                 const char *field) {
  if (!option.empty()) return of(option, field);
  return known(workspace) ? of(workspace) : of("en");
}

std::vector<std::string> Language::available() {
  std::vector<std::string> out{"en"};
  for (const auto &c : catalogues)
    out.emplace_back(c.language);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string Language::tr(const char *msgid) const {
  if (english()) return msgid;
  return bl::translate(msgid).str(locale_);
}

std::string Language::trc(const char *context, const char *msgid) const {
  if (english()) return msgid;
  return bl::translate(context, msgid).str(locale_);
}

std::string Language::trn(const char *one, const char *many, std::int64_t n) const {
  std::string text = english() ? std::string(n == 1 ? one : many)
                               : bl::translate(one, many, plural_count(n)).str(locale_);
  const auto at = text.find("{1}");
  if (at != std::string::npos) text.replace(at, 3, integer(n));
  return text;
}

std::string Language::regional_tag() const {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale(tag_.c_str());
  locale.addLikelySubtags(status);
  const std::string country = U_SUCCESS(status) ? locale.getCountry() : "";
  return country.empty() ? tag_ : tag_ + "-" + country;
}

std::string Language::trf(const char *msgid, std::initializer_list<std::string_view> args) const {
  const std::string text = tr(msgid);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    // "{N}" with a single digit N from 1 to the number of arguments.
    if (text[i] == '{' && i + 2 < text.size() && text[i + 2] == '}' && text[i + 1] >= '1' &&
        static_cast<std::size_t>(text[i + 1] - '0') <= args.size()) {
      out += *(args.begin() + (text[i + 1] - '1'));
      i += 2;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string Language::number(double v, int max_decimals) const {
  if (std::isnan(v)) return "\u2013";
  // Rounded first, so that a value that rounds to zero is written 0, not -0.
  const double scale = std::pow(10.0, max_decimals);
  double rounded = std::round(v * scale) / scale;
  if (rounded == 0) rounded = 0;  // -0 → 0
  if (english()) {
    std::string s = with_decimals(rounded, max_decimals);
    if (s.find('.') != std::string::npos) {
      while (s.back() == '0')
        s.pop_back();
      if (s.back() == '.') s.pop_back();
    }
    return s;
  }
  std::ostringstream out;
  out.imbue(locale_);
  out << bl::as::number << std::setprecision(max_decimals) << rounded;
  return out.str();
}

std::string Language::integer(std::int64_t n) const {
  if (english()) return std::to_string(n);
  std::ostringstream out;
  out.imbue(locale_);
  out << bl::as::number << n;
  return out.str();
}

std::string Language::fixed(double v, int decimals) const {
  if (std::isnan(v)) return "\u2013";
  if (english()) return with_decimals(v, decimals);
  std::ostringstream out;
  out.imbue(locale_);
  out << bl::as::number << std::fixed << std::setprecision(decimals) << v;
  return out.str();
}

std::string Language::percent(double share, int decimals) const {
  if (std::isnan(share)) return "\u2013";
  if (english()) return with_decimals(share * 100, decimals) + " %";
  std::ostringstream out;
  out.imbue(locale_);
  out << bl::as::percent << std::fixed << std::setprecision(decimals) << share;
  return out.str();
}

std::string Language::money(double amount, std::string_view currency) const {
  if (std::isnan(amount)) return "\u2013";
  const double whole = std::round(amount);
  if (english()) return grouped(with_decimals(whole, 0)) + " " + std::string(currency);
  // ICU itself: Boost.Locale writes only the locale's own currency.
  UErrorCode status = U_ZERO_ERROR;
  const std::unique_ptr<icu::NumberFormat> format(
      icu::NumberFormat::createCurrencyInstance(icu::Locale(tag_.c_str()), status));
  const bool iso = currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                                       [](char c) { return c >= 'A' && c <= 'Z'; });
  auto code = icu::UnicodeString::fromUTF8(
      icu::StringPiece(currency.data(), static_cast<std::int32_t>(currency.size())));
  if (U_SUCCESS(status) && iso) format->setCurrency(code.getTerminatedBuffer(), status);
  if (U_FAILURE(status) || !iso) {
    throw Error(Errc::invalid_argument, "currency", std::string(currency),
                "is not an ISO 4217 currency code");
  }
  format->setMinimumFractionDigits(0);
  format->setMaximumFractionDigits(0);
  icu::UnicodeString text;
  format->format(whole, text);
  std::string out;
  text.toUTF8String(out);
  return out;
}

std::string Language::date(Date d) const {
  if (english()) {
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const auto ymd = d.ymd();
    return std::to_string(ymd.day) + " " + months[ymd.month - 1] + " " + std::to_string(ymd.year);
  }
  std::ostringstream out;
  out.imbue(locale_);
  // Noon UTC of the day (days() counts from 1970-01-01), written in UTC: no
  // time zone can move it to another day.
  const auto seconds = static_cast<std::time_t>(d.days()) * 86400 + 43200;
  out << bl::as::gmt << bl::as::date << bl::as::date_medium << seconds;
  return out.str();
}

bool Language::before(std::string_view a, std::string_view b) const {
  const auto &collate = std::use_facet<bl::collator<char>>(locale_);
  return collate.compare(bl::collator_base::tertiary, a.data(), a.data() + a.size(), b.data(),
                         b.data() + b.size()) < 0;
}

}  // namespace levande::i18n
