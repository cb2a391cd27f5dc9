// Lists stored in one column as a JSON array ("[\"e101\",\"e102\"]", "[30,60]").
// Read with nlohmann::json's SAX parser and written by hand, not through a
// json value: destroying a json array allocates, so a value could end the
// process when memory runs out while an error unwinds (docs/reliability.md).
#ifndef LEVANDE_SRC_IO_SQLITE_LISTS_HPP
#define LEVANDE_SRC_IO_SQLITE_LISTS_HPP

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace levande::detail::sqlite {

/** A JSON array of the texts. */
std::string encode_list(const std::vector<std::string> &items);
/** A JSON array of the numbers. */
std::string encode_list(const std::vector<std::int32_t> &items);

/** Reads a JSON array of texts into `out`; throws std::invalid_argument
 *  saying what is wrong, std::bad_alloc when memory runs out. */
void decode_list(std::string_view text, std::vector<std::string> &out);
/** Reads a JSON array of 32-bit integers into `out`; as above. */
void decode_list(std::string_view text, std::vector<std::int32_t> &out);

}  // namespace levande::detail::sqlite

#endif
