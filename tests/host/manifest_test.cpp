// The manifest checker accepts what the plugin guide documents and names every problem.
#include <gtest/gtest.h>
#include <hoego/core/manifest.h>

namespace hoego {
namespace {

constexpr const char* kReadingManifest = R"({
  "id": "reading",
  "name": {"ko": "독서", "en": "Reading"},
  "version": "1.2.0",
  "kinds": [{
    "id": "book", "version": 2, "label": {"ko": "책", "en": "Book"},
    "fields": [
      {"id": "author", "type": "text", "label": {"ko": "저자", "en": "Author"}},
      {"id": "pages", "type": "integer", "min": 1, "label": {"ko": "쪽수", "en": "Pages"}},
      {"id": "format", "type": "choice", "required": true, "label": {"ko": "형태", "en": "Format"},
       "options": [{"id": "paper", "label": {"ko": "종이책", "en": "Paper"}},
                   {"id": "ebook", "label": {"ko": "전자책", "en": "E-book"}}]},
      {"id": "quotes", "type": "list", "label": {"ko": "인용", "en": "Quotes"}}
    ]}],
  "metrics": [
    {"id": "books", "label": {"ko": "읽은 책", "en": "Books"}, "kind": "book", "aggregate": "count"},
    {"id": "pages", "label": {"ko": "쪽", "en": "Pages"}, "kind": "book", "aggregate": "sum", "field": "pages"}],
  "widgets": [{"type": "recent", "kind": "book", "limit": 3}, {"type": "stats", "metrics": ["pages"]}],
  "milestones": [{"id": "sixth_book", "label": {"ko": "여섯 번째 책", "en": "Sixth book"}}]
})";

TEST(Manifest, ParsesEveryPartOfAValidManifest) {
  auto manifest = parse_manifest(kReadingManifest);
  ASSERT_TRUE(manifest.ok()) << manifest.error().message;
  EXPECT_EQ(manifest->id, "reading");
  EXPECT_EQ(manifest->name.in("ko"), "독서");
  const KindSpec* book = manifest->kind("book");
  ASSERT_NE(book, nullptr);
  EXPECT_EQ(book->version, 2);
  EXPECT_FALSE(book->people.has_value());
  ASSERT_NE(book->field("format"), nullptr);
  EXPECT_EQ(book->field("format")->type, FieldType::kChoice);
  EXPECT_TRUE(book->field("format")->required);
  EXPECT_EQ(book->field("format")->options[1].label.in("ko"), "전자책");
  EXPECT_EQ(*book->field("pages")->min, 1.0);
  ASSERT_EQ(manifest->metrics.size(), 2u);
  EXPECT_EQ(manifest->metrics[1].aggregate, Aggregate::kSum);
  ASSERT_NE(manifest->milestone("sixth_book"), nullptr);
  ASSERT_EQ(manifest->widgets.size(), 2u);
  EXPECT_EQ(manifest->widgets[0].type, WidgetType::kRecent);
  EXPECT_EQ(manifest->widgets[0].kind, "book");
  EXPECT_EQ(manifest->widgets[0].limit, 3);
  EXPECT_EQ(manifest->widgets[1].metrics, std::vector<std::string>{"pages"});
}

TEST(Manifest, AMetricCanBeGivenPerOptionOrAsTheMostFrequentOption) {
  std::string text = kReadingManifest;
  const std::string pages = R"("aggregate": "sum", "field": "pages"})";
  text.replace(text.find(pages), pages.size(),
               R"("aggregate": "sum", "field": "pages", "by": "format"},
    {"id": "format", "label": {"ko": "자주 읽은 형태", "en": "Most read as"}, "kind": "book",
     "aggregate": "most_frequent", "field": "format"})");
  auto manifest = parse_manifest(text);
  ASSERT_TRUE(manifest.ok()) << manifest.error().message;
  ASSERT_EQ(manifest->metrics.size(), 3u);
  EXPECT_EQ(manifest->metrics[1].by, "format");
  EXPECT_EQ(manifest->metrics[1].field, "pages");
  EXPECT_EQ(manifest->metrics[2].aggregate, Aggregate::kMostFrequent);
  EXPECT_EQ(manifest->metrics[2].field, "format");
  EXPECT_TRUE(manifest->metrics[2].by.empty());
}

TEST(Manifest, WithoutWidgetsACardShowsEverything) {
  std::string text = kReadingManifest;
  const std::string widgets = text.substr(text.find(R"(  "widgets")"));
  text.erase(text.find(R"(  "widgets")"), widgets.find('\n') + 1);
  auto manifest = parse_manifest(text);
  ASSERT_TRUE(manifest.ok()) << manifest.error().message;
  std::vector<WidgetType> types;
  for (const auto& widget : manifest->widgets) types.push_back(widget.type);
  EXPECT_EQ(types, (std::vector<WidgetType>{WidgetType::kStats, WidgetType::kGoals,
                                            WidgetType::kRecent, WidgetType::kMilestones}));
}

struct Broken {
  const char* name;
  const char* replace;  // text of kReadingManifest to replace…
  const char* with;     // …with this
  const char* problem;  // a problem the checker must name
};

// Names the case in CTest's list instead of dumping its bytes.
void PrintTo(const Broken& value, std::ostream* out) { *out << value.name; }

class BrokenManifest : public ::testing::TestWithParam<Broken> {};

TEST_P(BrokenManifest, IsRefusedNamingTheProblem) {
  std::string text = kReadingManifest;
  const auto at = text.find(GetParam().replace);
  ASSERT_NE(at, std::string::npos) << GetParam().replace;
  text.replace(at, std::string(GetParam().replace).size(), GetParam().with);
  auto manifest = parse_manifest(text);
  ASSERT_FALSE(manifest.ok());
  bool named = manifest.error().message.find(GetParam().problem) != std::string::npos;
  for (const auto& field : manifest.error().fields)
    named =
        named || (field.field + " " + field.message).find(GetParam().problem) != std::string::npos;
  EXPECT_TRUE(named) << "wanted '" << GetParam().problem << "' in: " << manifest.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Problems, BrokenManifest,
    ::testing::Values(
        Broken{"BadId", R"("id": "reading")", R"("id": "Reading!")",
               "manifest.id 'Reading!' must match"},
        Broken{"NoKinds", R"("kinds": [)", R"("kinds_": [)", "manifest.kinds is missing"},
        Broken{"BadVersion", R"("1.2.0")", R"("1.2")",
               "manifest.version '1.2' must be MAJOR.MINOR.PATCH"},
        Broken{"MissingEnglish", R"({"ko": "독서", "en": "Reading"})", R"({"ko": "독서"})",
               "manifest.name.en is missing"},
        Broken{"UnknownType", R"("type": "text")", R"("type": "string")",
               "'string' is not a field type"},
        Broken{"ChoiceWithoutOptions", R"("options": [)", R"("choices": [)",
               "manifest.kinds[0].fields[2].options is missing"},
        Broken{"DuplicateField", R"("id": "quotes")", R"("id": "author")",
               "'author' is a duplicate"},
        Broken{"MetricOfUnknownKind", R"("kind": "book", "aggregate": "count")",
               R"("kind": "film", "aggregate": "count")", "'film' is not a kind of this plugin"},
        Broken{"SumOverText", R"("aggregate": "sum", "field": "pages")",
               R"("aggregate": "sum", "field": "author")", "'author' is not a numeric field"},
        Broken{"UnknownAggregate", R"("aggregate": "count")", R"("aggregate": "median")",
               "'median' is not an aggregate"},
        Broken{"KindVersionZero", R"("version": 2)", R"("version": 0)",
               "version must be a whole number from 1"},
        Broken{"NotJson", R"("milestones")", R"(milestones)", "not valid JSON"},
        Broken{"UnknownWidget", R"("type": "recent")", R"("type": "chart")",
               "'chart' is not a widget type"},
        Broken{"WidgetOfUnknownMetric", R"("metrics": ["pages"])", R"("metrics": ["minutes"])",
               "\"minutes\" is not a metric this manifest declares"},
        Broken{"WidgetOfUnknownKind", R"("kind": "book", "limit")", R"("kind": "film", "limit")",
               "'film' is not a kind of this manifest"},
        Broken{"CalendarDurationNotInteger", R"("id": "book", "version": 2,)",
               R"("id": "book", "version": 2, "calendar": {"duration_field": "author"},)",
               "'author' is not an integer field of this kind"},
        Broken{"WidgetLimitTooLarge", R"("limit": 3)", R"("limit": 500)",
               "must be a whole number from 1 to 50"},
        Broken{"ByTextField", R"("aggregate": "count"},)",
               R"("aggregate": "count", "by": "author"},)",
               "'author' is not a choice field of kind 'book'"},
        Broken{"ByOnDistinctPeople", R"("aggregate": "count"},)",
               R"("aggregate": "count_items", "field": "quotes", "by": "format"},)",
               "only a count or sum metric can be given per option"},
        Broken{"MostFrequentOfNumber", R"("aggregate": "count"},)",
               R"("aggregate": "most_frequent", "field": "pages"},)",
               "'pages' is not a choice field of kind 'book'"},
        Broken{"MostFrequentWithoutField", R"("aggregate": "count"},)",
               R"("aggregate": "most_frequent"},)", "manifest.metrics[0].field is missing"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Manifest, ListsEveryProblemNotOnlyTheFirst) {
  auto manifest = parse_manifest(R"({"id": "x", "version": "one", "kinds": []})");
  ASSERT_FALSE(manifest.ok());
  EXPECT_GE(manifest.error().fields.size(), 3u);  // name missing, bad version, no kinds
}

}  // namespace
}  // namespace hoego
