using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Core.Questions;

namespace Evidentia.Tests.Answers;

/// <summary>The extractive composer on made-up sentences (test fixtures, not clinical evidence).</summary>
public class AnswerComposerTests
{
    private static readonly AnswerComposer Composer = new(new ComposerOptions());

    private static Document Doc(string id, string text, EvidenceLevel level = EvidenceLevel.Research, string heading = "", int? year = 2020) =>
        Document.Create(new DocumentKey("test", id), "Title " + id, [new SourceSection(heading, text)], evidenceLevel: level, year: year);

    private static IEnumerable<ScoredPassage> All(Document d, double score, double relevance) =>
        d.Passages.Select((p, i) => new ScoredPassage(d, p, score - (i * 0.01), relevance));

    private static Answer Compose(string question, IReadOnlyList<ScoredPassage> candidates, Audience audience = Audience.Physician, IReadOnlyList<Definition>? definitions = null) =>
        Composer.Compose(new AnswerRequest(question, audience, QuestionAnalyzer.Analyze(question)), candidates, definitions);

    public class Compose_
    {
        [Fact]
        public void Should_Return_InsufficientEvidence_When_Nothing_Matches()
        {
            var answer = Compose("Anything?", []);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.StartsWith("Nothing found", answer.Reason, StringComparison.Ordinal);
            Assert.Empty(answer.References);
        }

        [Fact]
        public void Should_Not_Lead_With_A_Procedure_Rated_Below_Usually_Appropriate_Or_A_Guidelines_Qualifying_Statement()
        {
            var table = Doc("acr", "Quandrex scan of the vorpelix; Rating: 4; RRL: O.\n\nBrimlax scan of the vorpelix; Rating: 8; RRL: O.", EvidenceLevel.Guideline, "Variant 1: Adults with vorpelix.");
            var statement = Doc("qs", "This vorpelix guideline statement is an educational service of its developers.", EvidenceLevel.Guideline, "Qualifying Statements");
            var answer = Compose("Which scan for vorpelix?", [.. All(statement, 1.05, 0.9), .. All(table, 1.0, 0.9)]);

            Assert.Equal("Brimlax scan of the vorpelix; Rating: 8; RRL: O.", answer.BottomLine[0].Text);
            Assert.Equal("Rating 8", answer.BottomLine[0].Quotes[0].Grade);
        }

        [Theory]
        [InlineData(Audience.Physician)]
        [InlineData(Audience.Patient)]
        public void Should_Apply_The_Same_Threshold_To_Every_Audience(Audience audience)
        {
            var answer = Compose("Q?", [.. All(Doc("1", "This made-up sentence has enough words to count."), 1, 0.1)], audience);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.StartsWith("Below threshold", answer.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Cite_Every_Sentence_With_Its_Exact_Quote_And_Number_References_By_First_Use()
        {
            var a = Doc("a", "Alpha statement number one is here. Alpha statement number two is here.");
            var b = Doc("b", "Beta statement with quite different words in it.");
            var answer = Compose("Q?", [.. All(b, 0.9, 0.8), .. All(a, 1.0, 0.8)]);

            Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
            Assert.Equal([1, 2], answer.References.Select(r => r.N));
            foreach (var item in answer.AllItems)
            {
                var quote = Assert.Single(item.Quotes);
                var source = quote.DocumentId == "a" ? a : b;
                Assert.Equal(source.Text[quote.Start..quote.End], quote.Text);
                Assert.Equal(item.Text, quote.Text);
                Assert.Equal([quote.N], item.Citations);
            }
        }

        [Fact]
        public void Should_State_A_Repeated_Sentence_Once_Citing_Every_Source()
        {
            var a = Doc("a", "Treatment focuses on the specific symptoms present in each person.");
            var b = Doc("b", "Treatment focuses on the specific symptoms present in each person!");
            var answer = Compose("Q?", [.. All(a, 1, 0.9), .. All(b, 0.9, 0.9)]);

            var item = Assert.Single(answer.AllItems);
            Assert.Equal([1, 2], item.Citations);
            Assert.Equal(["a", "b"], item.Quotes.Select(q => q.DocumentId));
        }

        [Theory]
        [InlineData("The placeholder condition is also treated with fixture changes and fixture pills.", true)]
        [InlineData("The placeholder condition is treated with fixture changes and a fixture pill.", true)]
        [InlineData("The placeholder disorder is treated with fixture changes and fixture pills.", false)]
        [InlineData("Three of five placeholder patients are treated with fixture changes and fixture pills.", false)]
        public void Should_Cite_A_Near_Identical_Sentence_Only_When_No_Word_Stands_For_Another(string other, bool cited)
        {
            var a = Doc("a", cited || other.StartsWith("The", StringComparison.Ordinal)
                ? "The placeholder condition is treated with fixture changes and fixture pills."
                : "Three of four placeholder patients are treated with fixture changes and fixture pills.");
            var b = Doc("b", other);
            var answer = Compose("Q?", [.. All(a, 1, 0.9), .. All(b, 0.9, 0.9)]);

            // Never shown twice; cited only where it says the same.
            var item = Assert.Single(answer.AllItems);
            Assert.Equal(cited ? ["a", "b"] : ["a"], item.Quotes.Select(q => q.DocumentId));
        }

        [Fact]
        public void Should_Cite_Without_Repeating_A_Sentence_That_States_A_Chosen_One_And_More()
        {
            // A page that ran a list and the sentence after it into one line states the list too.
            var list = Doc("list", "Signs of the placeholder condition include:\n\nFirst sign\n\nSecond sign\n\nThird sign of the made-up condition");
            var flat = Doc("flat", "Signs of the placeholder condition include: First sign Second sign Third sign of the made-up condition These signs follow from a placeholder cause that nobody has yet named in any source.");
            var answer = Compose("Q?", [.. All(list, 1, 0.9), .. All(flat, 0.9, 0.9)]);

            var item = Assert.Single(answer.AllItems);
            Assert.Equal("Signs of the placeholder condition include: First sign; Second sign; Third sign of the made-up condition.", item.Text);
            Assert.Equal(["list", "flat"], item.Quotes.Select(q => q.DocumentId));
            Assert.Equal(list.Text, item.Quotes[0].Text);

            // The other way round, the list adds nothing to what is shown, and is not cited for the sentence after it.
            answer = Compose("Q?", [.. All(flat, 1, 0.9), .. All(list, 0.9, 0.9)]);
            item = Assert.Single(answer.AllItems);
            Assert.Equal(["flat"], item.Quotes.Select(q => q.DocumentId));
        }

        [Fact]
        public void Should_Never_Cite_Question_Only_Entries_Fragments_Or_Pointers()
        {
            var questionOnly = Document.Create(new DocumentKey("medquad", "q"), "T", [new SourceSection("", "A question-only entry has no citable text at all.")], citable: false);
            var fragment = Doc("f", "Too short.");
            var pointer = Doc("p", "More detailed information about this condition can be viewed on the GeneReviews Web site.");
            var announcement = Doc("h", "Here are the types of placeholder treatments used for this made-up condition.");
            var leadIn = Doc("l", "People who are at increased risk of the made-up condition are those with");
            var readAbout = Doc("r", "You can read about the signs and symptoms of the made-up condition from two fixture sources.");
            var listFollows = Doc("o", "The fixture ontology provides the following list of signs and symptoms for the made-up condition.");
            var moreDetails = Doc("d", "For more details about how the made-up condition is treated, go to the fixture page.");
            var learnMore = Doc("m", "Learn more about what we know about the made-up condition and its fixture treatment.");
            var alsoKnown = Doc("k", "Also known as the made-up condition of fixtures in this test.");
            var animation = Doc("v", "The animation below shows how the made-up condition affects a fixture.");
            var provided = Doc("i", "More information is provided in the fixture health topics, Made-up Tips for People with the Condition.");
            // A guideline summary's pointers to its own fields and to other guidance, and its editors' notes.
            var field = Doc("g", "Definitions of the made-up grades are provided at the end of the \"Major Recommendations\" field.", EvidenceLevel.Guideline);
            var guidance = Doc("s", "For guidance on the use of made-up pumps in the fixture condition, see the fixture technology appraisal.", EvidenceLevel.Guideline);
            var note = Doc("n", "Note from the National Guideline Clearinghouse (NGC): the fixture guideline was updated in a made-up year.", EvidenceLevel.Guideline);
            var answer = Compose("Q?", [.. All(questionOnly, 1, 1), .. All(fragment, 1, 1), .. All(pointer, 1, 1), .. All(announcement, 1, 1), .. All(leadIn, 1, 1),
                .. All(readAbout, 1, 1), .. All(listFollows, 1, 1), .. All(moreDetails, 1, 1), .. All(learnMore, 1, 1), .. All(alsoKnown, 1, 1), .. All(animation, 1, 1),
                .. All(provided, 1, 1), .. All(field, 1, 1), .. All(guidance, 1, 1), .. All(note, 1, 1)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_A_Source_Title_When_A_Finding_Is_As_Good()
        {
            var paper = Document.Create(new DocumentKey("bioasq", "t"), "T", [
                new SourceSection(DocumentSection.TitleHeading, "Made-up drug Q for made-up condition R: a review of its use in adults."),
                new SourceSection("Abstract", "Made-up drug Q lowered the made-up marker in this fixture study of adults.")]);
            var answer = Compose("Q?", [.. All(paper, 1, 1)]);
            Assert.Equal(["Made-up drug Q lowered the made-up marker in this fixture study of adults."], answer.BottomLine.Select(i => i.Text));
        }

        [Fact]
        public void Should_Not_Cite_A_Sentence_Cut_At_Its_Start_But_Keep_Ones_Starting_With_A_Symbol()
        {
            // Excerpts begin mid-sentence, even mid-word; "mRNA …" and "p53 …" are whole sentences.
            var excerpt = Doc("e", "n addition, the test fixture sentence was cut before its first word.");
            var lowercase = Doc("m", "mRNA levels of the fixture gene were measured in this made-up study.");
            var symbol = Doc("s", "p53 is the name of the third made-up fixture sentence in this test.");
            var answer = Compose("Q?", [.. All(excerpt, 1, 1), .. All(lowercase, 0.95, 1), .. All(symbol, 0.9, 1)]);
            var shown = answer.AllItems.Select(i => i.Text).ToList();
            Assert.DoesNotContain(shown, t => t.StartsWith("n addition", StringComparison.Ordinal));
            Assert.Contains(shown, t => t.StartsWith("mRNA", StringComparison.Ordinal));
            Assert.Contains(shown, t => t.StartsWith("p53", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("National Institute of Made-up Disorders and Fixtures: Deep Fixture Stimulation for the Made-up Disease", false)]
        [InlineData("The signs of the made-up condition vary, but may include: Fixture rash Made-up fever Placeholder pain", true)]
        public void Should_Not_Quote_A_Link_Title_But_Quote_A_List_Run_Into_One_Line(string line, bool quoted)
        {
            var candidate = All(Doc("l", line), 1, 1).Single();
            Assert.Equal(quoted, Composer.CanQuote(candidate, Audience.Physician));
        }

        [Fact]
        public void Should_Not_Put_A_Study_Aim_In_The_Bottom_Line_When_A_Finding_Is_As_Good()
        {
            var aims = Doc("s", "To evaluate the effects of a made-up drug in fixture patients. This study assessed the made-up drug in fixtures.");
            var adverb = Doc("c", "To critically assess the made-up drug in more fixture patients of the made-up kind. To validate a made-up tool in fixtures.");
            var finding = Doc("f", "The made-up drug lowered the made-up marker in fixture patients.");
            var answer = Compose("Q?", [.. All(aims, 1, 1), .. All(adverb, 1, 1), .. All(finding, 0.97, 1)]);
            Assert.Equal(["The made-up drug lowered the made-up marker in fixture patients."], answer.BottomLine.Select(i => i.Text));
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_A_Sentence_That_Points_Back_When_A_Finding_Is_As_Good()
        {
            // "It" and "These cases" name what the sentence before them said; a study's own findings are its subject.
            var pointing = Doc("p", "It is most commonly used to treat the made-up condition in fixtures. These cases are caused by a made-up fixture gene.");
            var results = Doc("r", "These results suggest that the made-up drug lowers the made-up marker.");
            var finding = Doc("f", "The made-up plan lowered the made-up marker in fixture patients.");
            var answer = Compose("Q?", [.. All(pointing, 1, 1), .. All(results, 0.98, 1), .. All(finding, 0.97, 1)]);
            Assert.Equal(
                ["These results suggest that the made-up drug lowers the made-up marker.", "The made-up plan lowered the made-up marker in fixture patients."],
                answer.BottomLine.Select(i => i.Text));
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_A_Study_s_Measurements_When_A_Finding_Is_As_Good()
        {
            // Two measured values make a report of measurements; one ("a 95% CI" alone, "p < 0.05" alone) does not.
            var measured = Doc("m", "Fixture patients had a made-up marker of 12 ± 3 units against 9 ± 2 (p < 0.01) in this made-up study.");
            var one = Doc("o", "The made-up drug lowered the made-up marker in fixtures (p < 0.05).");
            var finding = Doc("f", "The made-up plan lowered the made-up marker in fixture patients.");
            var answer = Compose("Q?", [.. All(measured, 1, 1), .. All(one, 0.98, 1), .. All(finding, 0.97, 1)]);
            Assert.Equal(
                ["The made-up drug lowered the made-up marker in fixtures (p < 0.05).", "The made-up plan lowered the made-up marker in fixture patients."],
                answer.BottomLine.Select(i => i.Text));
            Assert.Contains(answer.Sections.SelectMany(s => s.Items), i => i.Text.StartsWith("Fixture patients had", StringComparison.Ordinal));
        }

        [Theory]
        [InlineData("What is the first-line treatment for zorbel syndrome?", "Most people with zorbel syndrome start with made-up pills.")]
        [InlineData("How is zorbel syndrome treated?", "Made-up surgery is an option for some fixture patients with zorbel syndrome.")]
        public void Should_Not_Lead_A_Question_That_Asks_For_One_Line_Of_Treatment_With_Another(string question, string lead)
        {
            // The surgical sentence scores best; the question that asks for the first line is led by what is not surgery.
            var surgery = Doc("s", "Made-up surgery is an option for some fixture patients with zorbel syndrome.");
            var pills = Doc("p", "Most people with zorbel syndrome start with made-up pills.");
            var answer = Compose(question, [.. All(surgery, 1, 1), .. All(pills, 0.97, 1)]);
            Assert.Equal(lead, answer.BottomLine[0].Text);
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_The_First_Item_Of_A_List_When_A_Finding_Is_As_Good()
        {
            // "Working with …" says what it says only with the line that introduces it.
            var list = Doc("l", "Taking part in the made-up plan involves:\n\nWorking with a fixture partner on the made-up plan every week.");
            var finding = Doc("f", "The made-up plan lowered the made-up marker in fixture patients.");
            var answer = Compose("Q?", [.. All(list, 1, 1), .. All(finding, 0.97, 1)]);
            Assert.Equal(["The made-up plan lowered the made-up marker in fixture patients."], answer.BottomLine.Select(i => i.Text));
        }

        [Fact]
        public void Should_Lead_A_Definition_With_The_Sentence_That_Says_What_The_Asked_Term_Is()
        {
            // A page on a narrower condition answers "What is …?" for that condition, under an overview heading too.
            var narrower = Doc("n", "Familial zorbel is a made-up cluster of zorbel within a fixture family.", heading: "What is (are) Familial zorbel?");
            var defines = Doc("d", "Zorbel is a made-up condition of the fixture joints.", heading: "What is (are) Zorbel?");
            var answer = Compose("What is zorbel?", [.. All(narrower, 1, 1), .. All(defines, 0.97, 1)]);
            Assert.Equal("Zorbel is a made-up condition of the fixture joints.", answer.BottomLine[0].Text);

            // A study's sentence that scores well ahead still follows it, if it is among the best.
            var study = Doc("s", "Zorbel, which occurs in some made-up fixture surgeries, can prolong a fixture stay.");
            var plain = Doc("p", "Zorbel is a made-up condition of the fixture joints.");
            var ahead = Compose("What is zorbel?", [.. All(study, 1, 1), .. All(plain, 0.88, 1)]);
            Assert.Equal("Zorbel is a made-up condition of the fixture joints.", ahead.BottomLine[0].Text);
        }

        [Theory]
        [InlineData("Zorbel is a made-up condition of the fixture joints.", true)]
        [InlineData("The zorbel (ZB) describes a made-up beating of a fixture.", true)]
        [InlineData("Zorbel means a made-up swelling of fixtures.", true)]
        [InlineData("Familial zorbel is a made-up cluster of zorbel.", false)]
        [InlineData("Zorbel, which occurs in made-up surgeries, can prolong a fixture stay.", false)]
        public void Should_Tell_A_Sentence_That_Says_What_A_Term_Is(string sentence, bool defines) =>
            Assert.Equal(defines, Definition.Defines("zorbel").IsMatch(sentence));

        [Fact]
        public void Should_Lead_A_Symptoms_Answer_With_The_Sentence_That_Names_Them()
        {
            // Both sentences are about zorbel's symptoms; only one says what they are.
            var vague = Doc("v", "The symptoms of zorbel often develop quickly in this made-up text.", EvidenceLevel.PatientInformation, "Symptoms");
            var named = Doc("n", "The symptoms of zorbel include fixture rash and made-up fever.", EvidenceLevel.PatientInformation, "Symptoms");
            var answer = Compose("What are the symptoms of zorbel?", [.. All(vague, 1, 1), .. All(named, 0.98, 1)]);
            Assert.Equal("The symptoms of zorbel include fixture rash and made-up fever.", answer.BottomLine[0].Text);
        }

        [Fact]
        public void Should_Lead_The_Bottom_Line_With_The_Strongest_Evidence_Among_Close_Sentences()
        {
            var research = Doc("r", "A research paper reports that the made-up drug lowered the made-up marker.");
            var guideline = Doc("g", "The made-up guideline recommends the made-up drug for the made-up condition.", EvidenceLevel.Guideline);
            var answer = Compose("Q?", [.. All(research, 1.0, 0.9), .. All(guideline, 0.95, 0.9)]);
            Assert.Equal("g", answer.BottomLine[0].Quotes[0].DocumentId);
        }

        [Fact]
        public void Should_Show_That_A_Paper_Excerpt_Cut_Mid_Sentence_Goes_On_But_Quote_It_As_It_Is()
        {
            // Excerpts of abstracts stop mid-word; patient information ends lists without a full stop.
            var excerpt = Doc("e", "The made-up drug lowered the fixture marker in every adult of this made-up study and was well-tolera");
            var list = Doc("l", "Made-up signs of the fixture condition may include a rash on the arms and the legs of adults", EvidenceLevel.PatientInformation);
            var answer = Compose("Q?", [.. All(excerpt, 1, 1), .. All(list, 0.99, 1)]);
            var excerptItem = answer.AllItems.Single(i => i.Quotes[0].DocumentId == "e");
            Assert.Equal("The made-up drug lowered the fixture marker in every adult of this made-up study and was well-tolera …", excerptItem.Text);
            Assert.Equal("The made-up drug lowered the fixture marker in every adult of this made-up study and was well-tolera", excerptItem.Quotes[0].Text);
            Assert.Equal("Made-up signs of the fixture condition may include a rash on the arms and the legs of adults", answer.AllItems.Single(i => i.Quotes[0].DocumentId == "l").Text);
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_A_Studys_Methods_When_A_Finding_Is_As_Good()
        {
            var paper = Document.Create(new DocumentKey("pubmedqa", "m"), "T", [
                new SourceSection("Methods", "Fixture patients were stratified into two made-up groups by a made-up score."),
                new SourceSection("Results", "The made-up drug lowered the made-up marker in both fixture groups.")]);
            var answer = Compose("Q?", [.. All(paper, 1, 1)]);
            Assert.Equal("The made-up drug lowered the made-up marker in both fixture groups.", answer.BottomLine[0].Text);
        }

        [Theory]
        // At the end, at the start (the marks of the sentence before, after a space), and inside.
        [InlineData("Not everyone with these made-up signs has the fixture condition. [2, 3]")]
        [InlineData("[4] [5] Not everyone with these made-up signs has the fixture condition.")]
        [InlineData("Not everyone with these made-up signs [1] has the fixture condition.")]
        public void Should_Show_A_Sentence_Without_The_Sources_Own_Reference_Marks_But_Quote_Them(string text)
        {
            var marked = Doc("r", text, EvidenceLevel.PatientInformation);
            var item = Assert.Single(Compose("Q?", [.. All(marked, 1, 1)]).AllItems);
            Assert.Equal("Not everyone with these made-up signs has the fixture condition.", item.Text);
            Assert.Equal(text, item.Quotes[0].Text);
        }

        [Fact]
        public void Should_Not_Lead_The_Bottom_Line_With_A_Paper_Of_No_Known_Design_Over_A_Better_Scored_Sentence()
        {
            // A single paper's finding in a narrow population is not stronger evidence than the sentence that answers best.
            var summary = Doc("s", "The made-up condition is treated with two kinds of made-up medicines.", EvidenceLevel.PatientInformation);
            var paper = Doc("p", "In one made-up province, a third of fixture children took the made-up medicine.");
            var answer = Compose("Q?", [.. All(summary, 1.0, 0.9), .. All(paper, 0.93, 0.9)]);
            Assert.Equal(["s", "p"], answer.BottomLine.Select(i => i.Quotes[0].DocumentId));
        }

        [Fact]
        public void Should_Decline_A_Drug_Question_That_No_Sentence_Answers_Even_If_They_Name_The_Drug()
        {
            var about = Doc("a", "Fixture drug Q was first made in a made-up laboratory for adults.");
            var cost = Doc("c", "Fixture drug Q was combined with fixture drug R in a made-up study of adults.");
            var declined = Compose("What are the side effects of fixture drug Q?", [.. All(about, 1, 0.9), .. All(cost, 0.9, 0.9)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, declined.Outcome);
            Assert.Equal("Nothing found: the closest sources name what was asked about but do not state its side effects.", declined.Reason);

            var stated = Doc("s", "Side effects of fixture drug Q include a made-up rash in some adults.");
            var answered = Compose("What are the side effects of fixture drug Q?", [.. All(about, 1, 0.9), .. All(stated, 0.9, 0.9)]);
            Assert.True(answered.Outcome == AnswerOutcome.Answered, answered.Reason);

            // A question that names no property of a drug is not held to one.
            var other = Compose("Which fixture genomes contain made-up operons?", [.. All(about, 1, 0.9), .. All(cost, 0.9, 0.9)]);
            Assert.True(other.Outcome == AnswerOutcome.Answered, other.Reason);
        }

        [Fact]
        public void Should_Show_No_Other_Evidence_For_A_Question_Held_To_One_Thing()
        {
            // Asked for side effects, what says none does not answer, even beside sentences that do.
            var stated = Doc("s", "Side effects of fixture drug Q include a made-up rash in some adults.");
            var about = Doc("a", "Fixture drug Q was first made in a made-up laboratory for adults.");
            var cost = Doc("c", "Fixture drug Q was combined with fixture drug R in a made-up study of adults.");
            var more = Doc("m", "A made-up headache is another side effect of fixture drug Q in adults.");
            var answer = Compose("What are the side effects of fixture drug Q?", [.. All(stated, 1, 0.9), .. All(about, 0.98, 0.9), .. All(cost, 0.97, 0.9), .. All(more, 0.9, 0.9)]);
            Assert.Equal(AnswerOutcome.Answered, answer.Outcome);
            Assert.DoesNotContain(answer.Sections, s => s.Heading == SectionPlans.OtherHeading);
            Assert.Contains(answer.Sections, s => s.Heading == "Side effects");
        }

        [Fact]
        public void Should_Not_Take_A_Combination_Of_Treatments_For_An_Interaction()
        {
            var combination = Doc("c", "Fixture drug Q in combination with fixture drug R lowered the made-up marker in adults.");
            var answer = Compose("What are the interactions of fixture drug Q?", [.. All(combination, 1, 0.9)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.EndsWith("do not state its interactions.", answer.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Decline_A_Dose_Question_That_No_Sentence_Gives_A_Dose()
        {
            var course = Doc("c", "Fixture drug Q is taken by made-up patients over seven to ten days.");
            var declined = Compose("What is the dose of fixture drug Q for adults?", [.. All(course, 1, 0.9)]);
            Assert.Equal("Dose", declined.QuestionType);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, declined.Outcome);
            Assert.Equal("Nothing found: the closest sources name what was asked about but do not state its usual dose.", declined.Reason);

            var dose = Doc("d", "Made-up adults take 5 mg of fixture drug Q with water.");
            var answered = Compose("What is the dose of fixture drug Q for adults?", [.. All(course, 1, 0.9), .. All(dose, 0.9, 0.9)]);
            Assert.True(answered.Outcome == AnswerOutcome.Answered, answered.Reason);
        }

        [Fact]
        public void Should_Decline_An_Outlook_Question_That_No_Sentence_Gives_The_Outlook_But_Not_A_Yes_Or_No_One()
        {
            var tests = Doc("t", "A made-up sweat test is the standard way to diagnose zorbel in fixtures.");
            var declined = Compose("What is the outlook for zorbel?", [.. All(tests, 1, 0.9)]);
            Assert.Equal(("Prognosis", AnswerOutcome.InsufficientEvidence), (declined.QuestionType, declined.Outcome));
            Assert.Equal("Nothing found: the closest sources name what was asked about but do not state its outlook.", declined.Reason);

            // Answered by a sentence on the outlook, and the other evidence beside it is still shown.
            var outlook = Doc("o", "The outlook for made-up patients with zorbel is good in this fixture.");
            var survival = Doc("s", "Survival of made-up patients with zorbel is long in another fixture.");
            var answered = Compose("What is the outlook for zorbel?", [.. All(outlook, 1, 0.9), .. All(survival, 0.99, 0.9), .. All(tests, 0.98, 0.9)]);
            Assert.True(answered.Outcome == AnswerOutcome.Answered, answered.Reason);
            Assert.Contains(answered.Sections.Single(s => s.Heading == SectionPlans.OtherHeading).Items, i => i.Text.StartsWith("A made-up sweat test", StringComparison.Ordinal));

            // A yes-or-no question on a finding is answered by the finding.
            var finding = Doc("f", "Loss of the made-up gene Q was found in aggressive fixture tumours of zorbel.");
            var yesNo = Compose("Is loss of gene Q associated with a worse prognosis in zorbel?", [.. All(finding, 1, 0.9)]);
            Assert.True(yesNo.Outcome == AnswerOutcome.Answered, yesNo.Reason);
        }

        [Fact]
        public void Should_Lead_A_Diagnosis_With_How_It_Is_Diagnosed()
        {
            // "How is X diagnosed?" asks for the tests; the signs come after them.
            var signs = Doc("s", "Zorbel gives fixture patients a made-up rash.", heading: "What are the symptoms of zorbel?");
            var tests = Doc("t", "A made-up blood test confirms zorbel in fixture patients.", heading: "How is zorbel diagnosed?");
            var answer = Compose("How is zorbel diagnosed?", [.. All(signs, 1, 0.9), .. All(tests, 0.95, 0.9)]);
            Assert.Equal("t", answer.BottomLine[0].Quotes[0].DocumentId);

            // What follows a diagnosis is not how it is made, however well it scores ahead.
            var after = Doc("a", "Once zorbel is diagnosed, it is important to begin fixture treatment early. Most made-up patients diagnosed with zorbel do well.", EvidenceLevel.PatientInformation);
            var how = Doc("h", "Doctors use made-up scans and other fixture tests to diagnose zorbel.", EvidenceLevel.PatientInformation);
            var led = Compose("How is zorbel diagnosed?", [.. All(after, 1, 0.9), .. All(how, 0.88, 0.9)]);
            Assert.Equal("h", led.BottomLine[0].Quotes[0].DocumentId);
            Assert.DoesNotContain(led.Sections.Where(s => s.Heading == "Tests").SelectMany(s => s.Items), i => i.Quotes[0].DocumentId == "a");
        }

        [Fact]
        public void Should_Lead_A_Treatment_With_A_Patient_Page_s_Sentence_On_How_It_Is_Treated()
        {
            // A research sentence that names a treatment in passing is not preferred for it.
            var goals = Doc("g", "The goals of treating zorbel are to restore made-up fixture sleep.", EvidenceLevel.PatientInformation);
            var study = Doc("s", "A made-up fixture study failed for drug Q in first-line treating zorbel.");
            var how = Doc("h", "Zorbel is treated with made-up fixture devices and rest.", EvidenceLevel.PatientInformation);
            var answer = Compose("How is zorbel treated?", [.. All(goals, 1, 0.9), .. All(study, 0.97, 0.9), .. All(how, 0.9, 0.9)]);
            Assert.Equal("h", answer.BottomLine[0].Quotes[0].DocumentId);
        }

        [Fact]
        public void Should_Place_Sentences_In_The_Treatment_Plan_By_Source_Heading_And_Content()
        {
            var main = Doc("main", "Made-up condition X is treated with rest and fluids in most people.", heading: "How might X be treated?");
            var more = Doc("more", "Surgery is reserved for the few people with complications of X. Do not give made-up drug Y to people with X.", heading: "How might X be treated?");
            var answer = Compose("What is the treatment for X?", [.. All(main, 1, 0.9), .. All(more, 0.6, 0.9)]);

            Assert.Equal("Treatment", answer.QuestionType);
            var headings = answer.Sections.Select(s => s.Heading).ToList();
            Assert.DoesNotContain("Second-line treatment and escalation", headings);
            Assert.Contains(answer.Sections, s => s.Heading == "Procedures and surgery" && s.Items.Any(i => i.Text.StartsWith("Surgery", StringComparison.Ordinal)));
            Assert.Contains(answer.Sections, s => s.Heading == "Critical pitfalls" && s.Items.Any(i => i.Text.StartsWith("Do not", StringComparison.Ordinal)));
        }

        [Fact]
        public void Should_Call_First_Line_Only_What_A_Source_Calls_So_And_Show_It_First()
        {
            var plain = Doc("plain", "Made-up drug V is commonly used for made-up condition X in some countries.", heading: "Treatment of X");
            var more = Doc("more", "Made-up drug U can also help some people with made-up condition X.", heading: "Treatment of X");
            var first = Doc("first", "Made-up drug W is the first-line treatment for made-up condition X in adults.", heading: "Drugs for X");
            var imaging = Doc("imaging", "Use made-up scan S for first-line imaging in adults with made-up condition X.", heading: "Imaging for X");
            var answer = Compose("What is the treatment for X?", [.. All(plain, 1, 0.9), .. All(more, 0.8, 0.9), .. All(first, 0.7, 0.9), .. All(imaging, 0.6, 0.9)]);

            var options = Assert.Single(answer.Sections, s => s.Heading == "Treatment options");
            Assert.Contains(options.Items, i => i.Text.StartsWith("Made-up drug U", StringComparison.Ordinal));
            Assert.DoesNotContain(answer.AllItems.Where(i => i.Text.StartsWith("Made-up drug U", StringComparison.Ordinal)), i => answer.Sections.Any(s => s.Heading == "First-line treatment" && s.Items.Contains(i)));
            var firstLine = answer.Sections.First(s => s.Heading is "First-line treatment" or "Treatment options");
            Assert.Equal("First-line treatment", firstLine.Heading);
            Assert.Contains(firstLine.Items, i => i.Text.StartsWith("Made-up drug W", StringComparison.Ordinal));
            // A first-line test is not a first-line treatment.
            Assert.DoesNotContain(firstLine.Items, i => i.Text.StartsWith("Use made-up scan", StringComparison.Ordinal));
        }

        [Fact]
        public void Should_Decline_Rather_Than_Quote_A_Study_s_Aim_Or_Methods_Alone()
        {
            var aim = Doc("aim", "To investigate the safety of made-up drug Q in people with made-up condition X.");
            var methods = Doc("methods", "Adults with made-up condition X were randomly assigned to made-up drug Q or placebo.", heading: "Methods");
            var answer = Compose("How is made-up condition X treated?", [.. All(aim, 1, 0.9), .. All(methods, 0.9, 0.9)]);

            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.Contains("aim or methods", answer.Reason);
        }

        [Fact]
        public void Should_Not_Make_An_Algorithm_Of_Sentences_That_Only_Say_Before_Or_Then()
        {
            var a = Doc("a", "Made-up condition X is treated with made-up drug V. Subjects were interviewed before and then after the made-up study.", heading: "Treatment of X");
            var b = Doc("b", "Made-up drug U is given next to people with made-up condition X, followed by rest.", heading: "Treatment of X");
            var answer = Compose("What is the treatment for X?", [.. All(a, 1, 0.9), .. All(b, 0.8, 0.9)]);

            Assert.DoesNotContain(answer.Sections, s => s.Heading == "Algorithm summary");
        }

        [Theory]
        [InlineData("In severe cases that do not respond to other treatments, made-up drug W may be prescribed.")]
        [InlineData("When made-up drug V fails to control the pain, the doctor may use made-up drug W.")]
        [InlineData("People whose made-up condition has not responded to made-up drug V may take made-up drug W.")]
        public void Should_Place_Escalation_Under_A_General_Treatment_Heading_In_Second_Line(string escalation)
        {
            var main = Doc("main", "Made-up condition X is treated with rest and fluids in most people.", heading: "What are the treatments for X?");
            var more = Doc("more", escalation, heading: "What are the treatments for X?");
            var answer = Compose("What is the treatment for X?", [.. All(main, 1, 0.9), .. All(more, 0.6, 0.9)]);

            Assert.Contains(answer.Sections, s => s.Heading == "Second-line treatment and escalation" && s.Items.Any(i => i.Text == escalation));
        }

        [Fact]
        public void Should_Place_A_Sentence_That_Says_Several_Things_By_What_It_Names_First()
        {
            var main = Doc("main", "Made-up condition X is a placeholder disorder of the fixture.", heading: "What is X?");
            var more = Doc("more", "Treatment for made-up condition X depends on how severe the symptoms are.", heading: "What is X?");
            var answer = Compose("What is X?", [.. All(main, 1, 0.9), .. All(more, 0.6, 0.9)]);

            Assert.Equal("Definition", answer.QuestionType);
            Assert.Contains(answer.Sections, s => s.Heading == "Treatment" && s.Items.Any(i => i.Text.StartsWith("Treatment", StringComparison.Ordinal)));
        }

        [Fact]
        public void Should_Show_Where_Sources_Disagree_With_Both_Cited()
        {
            var a = Doc("a", "Made-up drug Z reduced made-up fractures in older adults in a trial.", EvidenceLevel.RandomizedTrial);
            var b = Doc("b", "Made-up drug Z did not reduce made-up fractures in older adults in a cohort.", EvidenceLevel.ObservationalStudy);
            var c = Doc("c", "The made-up condition is common in older adults and often goes unnoticed.", EvidenceLevel.Guideline);
            var answer = Compose("Does Z reduce fractures?", [.. All(c, 1, 0.9), .. All(a, 0.7, 0.9), .. All(b, 0.69, 0.9)]);

            var disagreement = Assert.Single(answer.Sections, s => s.Heading == SectionPlans.DisagreementHeading);
            Assert.Equal(["a", "b"], disagreement.Items.SelectMany(i => i.Quotes).Select(q => q.DocumentId).Order());
        }

        [Fact]
        public void Should_Decline_When_The_Bottom_Line_Itself_Is_Contested()
        {
            var a = Doc("a", "Made-up drug Z reduced made-up fractures in older adults in a trial.", EvidenceLevel.RandomizedTrial);
            var b = Doc("b", "Made-up drug Z did not reduce made-up fractures in older adults in a trial.", EvidenceLevel.RandomizedTrial);
            var answer = Compose("Does Z reduce fractures?", [.. All(a, 1, 0.9), .. All(b, 0.99, 0.9)]);
            Assert.Equal(AnswerOutcome.InsufficientEvidence, answer.Outcome);
            Assert.StartsWith("Sources conflict", answer.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Put_The_Urgent_Care_Message_First_For_An_Emergency()
        {
            var d = Doc("d", "Made-up statement about chest pain that has enough words in it.");
            var answer = Compose("I have chest pain and I can't breathe", [.. All(d, 1, 0.9)]);
            Assert.Equal(AnswerOutcome.Emergency, answer.Outcome);
            Assert.StartsWith(AnswerComposer.UrgentCareMessage, answer.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Prefer_Patient_Information_For_Patients_And_Technical_Sources_For_Clinicians()
        {
            var paper = Doc("paper", "The made-up enzyme deficiency impairs made-up metabolism in hepatocytes.", EvidenceLevel.Research);
            var leaflet = Doc("leaflet", "People with the made-up condition cannot break down a made-up sugar.", EvidenceLevel.PatientInformation);
            IReadOnlyList<ScoredPassage> candidates = [.. All(paper, 1.0, 0.9), .. All(leaflet, 0.97, 0.9)];

            Assert.Equal("paper", Compose("Q?", candidates, Audience.Physician).BottomLine[0].Quotes[0].DocumentId);
            Assert.Equal("leaflet", Compose("Q?", candidates, Audience.Patient).BottomLine[0].Quotes[0].DocumentId);
        }

        [Fact]
        public void Should_Explain_Terms_For_Patients_Only_When_The_Answer_Uses_Them()
        {
            var d = Doc("d", "People with the made-up condition often develop lymphedema in one leg.");
            var definition = Doc("def", "Lymphedema is a made-up definition sentence for this test of the composer.", EvidenceLevel.PatientInformation);
            var unused = Doc("unused", "Cardiomyopathy is a made-up definition sentence that this answer never needs.", EvidenceLevel.PatientInformation);
            IReadOnlyList<Definition> definitions = [new("lymphedema", All(definition, 0, 1).First()), new("cardiomyopathy", All(unused, 0, 1).First())];

            var patient = Compose("Q?", [.. All(d, 1, 0.9)], Audience.Patient, definitions);
            var terms = Assert.Single(patient.Sections, s => s.Heading == SectionPlans.DefinitionsHeading);
            Assert.Equal("def", Assert.Single(terms.Items).Quotes[0].DocumentId);
            Assert.DoesNotContain(Compose("Q?", [.. All(d, 1, 0.9)], Audience.Physician, definitions).Sections, s => s.Heading == SectionPlans.DefinitionsHeading);
        }

        [Fact]
        public void Should_Give_The_Same_Question_The_Same_Id() =>
            Assert.Equal(AnswerComposer.AnswerId("What  is gout?", Audience.Patient), AnswerComposer.AnswerId("what is gout?", Audience.Patient));
    }
}
