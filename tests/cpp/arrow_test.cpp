// Tables through the Arrow C Stream Interface, read back by the rules of the
// Arrow specification (formats, buffers, validity bits, dictionary offsets).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "capi_helpers.hpp"
#include "levande.h"
#include "levande/error.hpp"
#include "levande/table.hpp"

namespace levande {
namespace {

bool valid(const ArrowArray &a, std::int64_t i) {
  const auto *bits = static_cast<const std::uint8_t *>(a.buffers[0]);
  return bits == nullptr || (bits[i / 8] >> (i % 8)) & 1;
}

std::shared_ptr<Table> sample() {
  auto t = std::make_shared<Table>();
  t->add("i", std::vector<std::int32_t>{1, -2, 3});
  t->add("u", std::vector<std::uint32_t>{7, 8, 9});
  t->add("x", std::vector<double>{0.5, std::nan(""), 2.5});
  t->add("d",
         std::vector<Date>{Date::from_ymd(1970, 1, 2), Date::min(), Date::from_ymd(2026, 6, 19)});
  t->add("b", std::vector<std::uint8_t>{0, 1, 1});
  t->add("s", DictionaryColumn{{1, -1, 0}, {"ö-team", "ops"}});
  return t;
}

TEST(Arrow, StreamFollowsTheSpecification) {
  auto table = sample();
  const auto *x_data = std::get<std::vector<double>>((*table)["x"]).data();
  ArrowArrayStream stream;
  export_arrow(table, &stream);
  table.reset();  // the stream keeps the table alive

  ArrowSchema schema;
  ASSERT_EQ(stream.get_schema(&stream, &schema), 0);
  EXPECT_STREQ(schema.format, "+s");
  ASSERT_EQ(schema.n_children, 6);
  const char *formats[] = {"i", "I", "g", "tdD", "C", "i"};
  const char *names[] = {"i", "u", "x", "d", "b", "s"};
  for (int c = 0; c < 6; ++c) {
    EXPECT_STREQ(schema.children[c]->format, formats[c]);
    EXPECT_STREQ(schema.children[c]->name, names[c]);
    EXPECT_EQ(schema.children[c]->flags, ARROW_FLAG_NULLABLE);
  }
  ASSERT_NE(schema.children[5]->dictionary, nullptr);
  EXPECT_STREQ(schema.children[5]->dictionary->format, "u");
  EXPECT_EQ(schema.children[0]->dictionary, nullptr);

  ArrowArray batch;
  ASSERT_EQ(stream.get_next(&stream, &batch), 0);
  ASSERT_NE(batch.release, nullptr);
  EXPECT_EQ(batch.length, 3);
  ASSERT_EQ(batch.n_children, 6);
  const auto &i = *batch.children[0];
  EXPECT_EQ(static_cast<const std::int32_t *>(i.buffers[1])[1], -2);
  EXPECT_EQ(i.null_count, 0);
  // float64: the table's own buffer (no copy); NaN is null.
  const auto &x = *batch.children[2];
  EXPECT_EQ(x.buffers[1], x_data);
  EXPECT_EQ(x.null_count, 1);
  EXPECT_TRUE(valid(x, 0) && !valid(x, 1) && valid(x, 2));
  // date32: days since 1970-01-01; Date::min() is null.
  const auto &d = *batch.children[3];
  EXPECT_EQ(static_cast<const std::int32_t *>(d.buffers[1])[0], 1);
  EXPECT_EQ(static_cast<const std::int32_t *>(d.buffers[1])[2], 20623);  // 2026-06-19
  EXPECT_FALSE(valid(d, 1));
  // Dictionary: int32 indices and utf8 words with int32 offsets.
  const auto &s = *batch.children[5];
  EXPECT_EQ(s.null_count, 1);
  EXPECT_EQ(static_cast<const std::int32_t *>(s.buffers[1])[0], 1);
  ASSERT_NE(s.dictionary, nullptr);
  EXPECT_EQ(s.dictionary->length, 2);
  EXPECT_EQ(s.dictionary->n_buffers, 3);
  const auto *offsets = static_cast<const std::int32_t *>(s.dictionary->buffers[1]);
  const auto *bytes = static_cast<const char *>(s.dictionary->buffers[2]);
  EXPECT_EQ(offsets[0], 0);
  EXPECT_EQ(std::string(bytes + offsets[0], bytes + offsets[1]), "ö-team");
  EXPECT_EQ(std::string(bytes + offsets[1], bytes + offsets[2]), "ops");

  ArrowArray end;
  ASSERT_EQ(stream.get_next(&stream, &end), 0);
  EXPECT_EQ(end.release, nullptr);  // end of the stream
  EXPECT_EQ(stream.get_last_error(&stream), nullptr);

  // A consumer may move a child out and release it on its own.
  ArrowArray moved = *batch.children[2];
  batch.children[2]->release = nullptr;
  batch.release(&batch);
  EXPECT_EQ(batch.release, nullptr);
  EXPECT_EQ(static_cast<const double *>(moved.buffers[1])[2], 2.5);
  moved.release(&moved);
  schema.release(&schema);
  EXPECT_EQ(schema.release, nullptr);
  stream.release(&stream);
  EXPECT_EQ(stream.release, nullptr);
}

TEST(Arrow, TableRefusesBadColumns) {
  Table t;
  t.add("a", std::vector<double>{1, 2});
  EXPECT_THROW(t.add("b", std::vector<double>{1}), Error);           // length
  EXPECT_THROW(t.add("a", std::vector<double>{1, 2}), Error);        // name taken
  EXPECT_THROW(t.add("", std::vector<double>{1, 2}), Error);         // no name
  EXPECT_THROW(t.add("c", DictionaryColumn{{0, 2}, {"x"}}), Error);  // code 2 of 1 word
  EXPECT_THROW(t.add("c", DictionaryColumn{{0, -2}, {"x"}}), Error);
  EXPECT_THROW(t.add("c", DictionaryColumn{{0, 2147483647}, {"x"}}), Error);
  EXPECT_THROW((void)t["nope"], Error);
  EXPECT_EQ(t.rows(), 2u);
}

TEST(Arrow, DictionaryWordsAreSharedAndCopiedOnWrite) {
  const DictionaryWords ids(std::vector<std::string>{"p1", "p22", "ö"});
  DictionaryWords copy = ids;
  // The Arrow form is made once and shared: offsets by hand from the UTF-8
  // lengths 2, 3 and 2 bytes ("ö" is two).
  EXPECT_EQ(ids.arrow_offsets(), (std::vector<std::int32_t>{0, 2, 5, 7}));
  EXPECT_EQ(ids.arrow_bytes(), "p1p22\xc3\xb6");
  EXPECT_EQ(copy.arrow_bytes().data(), ids.arrow_bytes().data());
  // Changing a copy leaves the original as it was, Arrow form included.
  copy.push_back("new");
  EXPECT_EQ(copy.size(), 4u);
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.arrow_offsets().back(), 7);
  EXPECT_EQ(copy.arrow_offsets(), (std::vector<std::int32_t>{0, 2, 5, 7, 10}));
  // A sole owner changed after its Arrow form was made gets a fresh one.
  copy.emplace_back(2, 'z');
  EXPECT_EQ(copy[4], "zz");
  EXPECT_EQ(copy.arrow_bytes(), "p1p22\xc3\xb6newzz");
  EXPECT_FALSE(copy == ids);
  EXPECT_TRUE(DictionaryWords(std::vector<std::string>{"p1", "p22", "ö"}) == ids);
  // No words: one offset, no bytes.
  const DictionaryWords none;
  EXPECT_TRUE(none.empty());
  EXPECT_EQ(none.arrow_offsets(), (std::vector<std::int32_t>{0}));

  // Two tables keyed by the same words hand Arrow the same dictionary bytes.
  const auto keyed = [&](std::vector<std::int32_t> codes) {
    auto t = std::make_shared<Table>();
    t->add("person", DictionaryColumn{std::move(codes), ids});
    return t;
  };
  const void *buffers[2];
  int k = 0;
  for (const auto &t : {keyed({0, 1}), keyed({2})}) {
    ArrowArrayStream stream;
    export_arrow(t, &stream);
    ArrowArray batch;
    ASSERT_EQ(stream.get_next(&stream, &batch), 0);
    buffers[k++] = batch.children[0]->dictionary->buffers[2];
    EXPECT_EQ(batch.children[0]->dictionary->length, 3);
    batch.release(&batch);
    stream.release(&stream);
  }
  EXPECT_EQ(buffers[0], buffers[1]);
  EXPECT_EQ(buffers[0], ids.arrow_bytes().data());
}

TEST(Arrow, GoalStatusFromC) {
  levande_workspace *ws = nullptr;
  ASSERT_EQ(levande_workspace_create(&ws, nullptr), LEVANDE_OK);
  ASSERT_EQ(
      levande_workspace_apply_json(ws,
                                   R"([{"op":"add","kind":"people","value":{"id":"a","name":"A"}},
                    {"op":"add","kind":"action_plans","value":{"id":"p","title":"P","person":"a","created":"2026-01-01","agreed_by":"2026-12-31"}},
                    {"op":"add","kind":"goals","value":{"id":"g","plan":"p","metric":"m","baseline":0,"target":10,"deadline":"2026-06-30"}},
                    {"op":"add","kind":"measurements","value":{"goal":"g","date":"2026-01-11","value":12}}])",
                                   nullptr),
      LEVANDE_OK);
  levande_table *table = nullptr;
  ASSERT_EQ(levande_metrics_goal_status(&table, ws, day("2026-02-01"), 0.8, nullptr), LEVANDE_OK);
  ArrowArrayStream stream;
  ASSERT_EQ(levande_table_to_arrow(&stream, table, nullptr), LEVANDE_OK);
  levande_table_destroy(&table);  // the stream outlives the handle
  levande_workspace_destroy(&ws);
  ArrowSchema schema;
  ArrowArray batch;
  ASSERT_EQ(stream.get_schema(&stream, &schema), 0);
  ASSERT_EQ(stream.get_next(&stream, &batch), 0);
  ASSERT_EQ(schema.n_children, 8);
  EXPECT_STREQ(schema.children[7]->name, "status");
  EXPECT_EQ(static_cast<const std::int32_t *>(batch.children[7]->buffers[1])[0],
            LEVANDE_GOAL_ACHIEVED);  // 12 of 10
  batch.release(&batch);
  schema.release(&schema);
  stream.release(&stream);
  EXPECT_EQ(levande_table_to_arrow(nullptr, table, nullptr), LEVANDE_ERR_MISUSE);
}

}  // namespace
}  // namespace levande
