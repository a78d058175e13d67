using Evidentia.Core.Text;

namespace Evidentia.Tests.Text;

public class SentenceSplitterTests
{
    private static List<string> Split(string text)
    {
        var normalized = WhitespaceNormalizer.Normalize(text);
        return SentenceSplitter.Split(normalized).Select(s => normalized[s.Start..s.End]).ToList();
    }

    public class Split_
    {
        [Theory]
        [InlineData("Physical examDuring a made-up exam, the doctor looks.", new[] { "Physical exam", "During a made-up exam, the doctor looks." })]
        [InlineData("Signs include pain fever rashWhen the made-up rash spreads, call.", new[] { "Signs include pain fever rash", "When the made-up rash spreads, call." })]
        [InlineData("Read the guidelines forAmericans on the made-up site.", new[] { "Read the guidelines forAmericans on the made-up site." })]
        [InlineData("The GlucaGen kit and McDonald criteria are made-up names here.", new[] { "The GlucaGen kit and McDonald criteria are made-up names here." })]
        public void Should_Split_Items_Run_Into_A_Capitalised_Word_When_Asked(string text, string[] expected)
        {
            var normalized = WhitespaceNormalizer.Normalize(text);
            Assert.Equal(expected, SentenceSplitter.Split(normalized, gluedItems: true).Select(s => normalized[s.Start..s.End]));
            Assert.Equal([normalized], SentenceSplitter.Split(normalized).Select(s => normalized[s.Start..s.End]));
        }

        [Fact]
        public void Should_Split_Plain_Sentences()
        {
            Assert.Equal(["The first one is here.", "Is this the second?", "Yes!"], Split("The first one is here. Is this the second? Yes!"));
        }

        [Theory]
        [InlineData("Give 1 g i.v. every 8 hours. A second sentence.", "Give 1 g i.v. every 8 hours.")]
        [InlineData("Take it q.i.d. with food. A second sentence.", "Take it q.i.d. with food.")]
        [InlineData("Smith et al. Reported similar findings. A second sentence.", "Smith et al. Reported similar findings.")]
        [InlineData("Drugs (e.g. Aspirin) help. A second sentence.", "Drugs (e.g. Aspirin) help.")]
        [InlineData("Aspirin vs. Placebo was tested. A second sentence.", "Aspirin vs. Placebo was tested.")]
        [InlineData("Dr. Jones saw the patient. A second sentence.", "Dr. Jones saw the patient.")]
        [InlineData("The dose is 0.5 mg/kg twice daily. A second sentence.", "The dose is 0.5 mg/kg twice daily.")]
        [InlineData("Levels rose by 2.5%. A second sentence.", "Levels rose by 2.5%.")]
        [InlineData("It was shown in a trial (see Fig. 2. for details). A second sentence.", "It was shown in a trial (see Fig. 2. for details).")]
        [InlineData("See www.Smokefree.gov for help. A second sentence.", "See www.Smokefree.gov for help.")]
        [InlineData("Read more at Cancer.Net today. A second sentence.", "Read more at Cancer.Net today.")]
        [InlineData("Smith et al.The fixture was made up. A second sentence.", "Smith et al.The fixture was made up.")]
        [InlineData("Write to help@fixture.Example today. A second sentence.", "Write to help@fixture.Example today.")]
        public void Should_Keep_Abbreviations_Decimals_And_Parentheses_Inside_The_Sentence(string text, string first)
        {
            Assert.Equal([first, "A second sentence."], Split(text));
        }

        [Fact]
        public void Should_Keep_Bracketed_Citations_With_Their_Sentence()
        {
            Assert.Equal(
                ["Statins lower LDL cholesterol.[12]", "They reduce events. [3, 4]", "A third one. [5] [6] [7]", "A fourth one."],
                Split("Statins lower LDL cholesterol.[12] They reduce events. [3, 4] A third one. [5] [6] [7] A fourth one."));
        }

        [Fact]
        public void Should_Split_Inline_Pseudo_Bullets_Of_Nih_Pages()
        {
            var text = "Key Points\n - Adult ALL is a type of cancer.    - Leukemia may affect red blood cells.    - Signs include fever";
            Assert.Equal(["Key Points", "Adult ALL is a type of cancer.", "Leukemia may affect red blood cells.", "Signs include fever"], Split(text));
        }

        [Fact]
        public void Should_Split_Items_Of_A_List_After_A_Colon()
        {
            Assert.Equal(
                ["Symptoms may include:", "fatigue", "weakness", "pale skin"],
                Split("Symptoms may include: - fatigue - weakness - pale skin"));
        }

        [Fact]
        public void Should_Split_Inline_Bullets_Without_A_Colon_When_They_Are_A_List()
        {
            Assert.Equal(
                ["Made-up symptoms can include", "Pain", "Enlarged fixtures", "Broken fixtures."],
                Split("Made-up symptoms can include - Pain - Enlarged fixtures - Broken fixtures."));
            Assert.Single(Split("The made-up drug - a fixture - is taken once a day."));
        }

        [Fact]
        public void Should_Split_The_Sentence_That_The_Last_Bare_Item_Of_An_Inline_List_Runs_Into()
        {
            Assert.Equal(
                ["You are more likely to get fixture X if you", "Are a fixture", "Drink made-up drinks", "Eat too many made-up foods", "Fixture conditions can be hard to find.", "A second sentence."],
                Split("You are more likely to get fixture X if you - Are a fixture - Drink made-up drinks - Eat too many made-up foods Fixture conditions can be hard to find. A second sentence."));
            // The last capitalised word that starts a sentence of at least four words, not a name inside the item.
            Assert.Equal(
                ["Made-up signs include", "Pale skin", "Dry skin", "Low Fixture count, meaning the made-up cells are low", "The causes of fixture X are not known."],
                Split("Made-up signs include - Pale skin - Dry skin - Low Fixture count, meaning the made-up cells are low The causes of fixture X are not known."));
            // A name inside the last item is not a sentence.
            Assert.Equal(
                ["Made-up risks include", "Age", "Weight", "Being from made-up Alaska Native places or fixtures."],
                Split("Made-up risks include - Age - Weight - Being from made-up Alaska Native places or fixtures."));
            // Items that end with a full stop are sentences: nothing runs into them.
            Assert.Equal(
                ["Made-up steps include:", "Rest every day.", "Drink water.", "Ask your doctor about Fixture tablets for the made-up pain."],
                Split("Made-up steps include: - Rest every day. - Drink water. - Ask your doctor about Fixture tablets for the made-up pain."));
        }

        [Fact]
        public void Should_Split_Line_Lists_And_Numbered_Steps()
        {
            Assert.Equal(
                ["Steps:", "Assess the airway", "2. Give oxygen", "Call for help"],
                Split("Steps:\n- Assess the airway\n2. Give oxygen\n* Call for help"));
        }

        [Fact]
        public void Should_Join_Hard_Wrapped_Lines_And_Split_Paragraphs()
        {
            Assert.Equal(
                ["This sentence is wrapped over\ntwo lines in the file.", "A new paragraph"],
                Split("This sentence is wrapped over\ntwo lines in the file.\n\nA new paragraph"));
        }

        [Theory]
        [InlineData("Common Treatments The most common treatments are listed here.", "Common Treatments", "The most common treatments are listed here.")]
        [InlineData("Symptoms Can Be Controlled With proper care, most people do well.", "Symptoms Can Be Controlled", "With proper care, most people do well.")]
        [InlineData("Signs and Symptoms If you have a fever, rest.", "Signs and Symptoms", "If you have a fever, rest.")]
        [InlineData("Talk With a Dietitian Even though you are on dialysis, eat well.", "Talk With a Dietitian", "Even though you are on dialysis, eat well.")]
        [InlineData("BACKGROUND AND OBJECTIVES: In this made-up study, we tested a fixture.", "BACKGROUND AND OBJECTIVES:", "In this made-up study, we tested a fixture.")]
        [InlineData("SIONS: The made-up drug lowered the fixture marker.", "SIONS:", "The made-up drug lowered the fixture marker.")]
        [InlineData("Areas covered: The made-up drug is reviewed here.", "Areas covered:", "The made-up drug is reviewed here.")]
        [InlineData("Risk Factors Risk factors are things that raise the made-up risk.", "Risk Factors", "Risk factors are things that raise the made-up risk.")]
        [InlineData("Symptoms Can Vary Not all made-up attacks begin with pain.", "Symptoms Can Vary", "Not all made-up attacks begin with pain.")]
        [InlineData("Most Symptoms Are Treatable Doctors use made-up approaches.", "Most Symptoms Are Treatable", "Doctors use made-up approaches.")]
        [InlineData("Advances in Treatments Studies have found a made-up fixture.", "Advances in Treatments", "Studies have found a made-up fixture.")]
        [InlineData("Working With a Team of Specialists People with cancer are treated by a team.", "Working With a Team of Specialists", "People with cancer are treated by a team.")]
        [InlineData("Germs without Symptoms Some people carry made-up germs.", "Germs without Symptoms", "Some people carry made-up germs.")]
        [InlineData("Researching Causes and Treatments Through studies in the laboratory, fixtures are made.", "Researching Causes and Treatments", "Through studies in the laboratory, fixtures are made.")]
        [InlineData("Care for Adults 60 and Older Most people do well with made-up care.", "Care for Adults 60 and Older", "Most people do well with made-up care.")]
        [InlineData("BACKGROUND & AIMS\nMade-up achalasia is studied here.", "BACKGROUND & AIMS", "Made-up achalasia is studied here.")]
        [InlineData("Eating, Diet, and Nutrition Researchers have not found a made-up link.", "Eating, Diet, and Nutrition", "Researchers have not found a made-up link.")]
        [InlineData("Burning, Itching, Tingling, Then a Rash An outbreak of made-up fixtures begins.", "Burning, Itching, Tingling, Then a Rash", "An outbreak of made-up fixtures begins.")]
        [InlineData("A Fixture for Adults 60 and Older In May 2006, a made-up agency approved it.", "A Fixture for Adults 60 and Older", "In May 2006, a made-up agency approved it.")]
        [InlineData("Have Regular Checks to Look for Cyst or Fixture Growth Some providers recommend a made-up check.", "Have Regular Checks to Look for Cyst or Fixture Growth", "Some providers recommend a made-up check.")]
        public void Should_Split_A_Heading_Run_Into_Its_First_Sentence(string text, string heading, string sentence)
        {
            Assert.Equal([heading, sentence], Split(text));
        }

        [Theory]
        [InlineData("Hepatitis A usually gets better in a few weeks.")]
        [InlineData("Most Doctors use made-up fixtures.")]
        [InlineData("Many People with fixtures do well.")]
        [InlineData("HIV and Other Infections is a made-up title.")]
        [InlineData("Read Living With for more information about follow-up.")]
        [InlineData("Look for Living With will explain what your doctor may give.")]
        [InlineData("Gone With the Wind is a film.")]
        [InlineData("New York New York is a song title in this made-up test.")]
        [InlineData("The National Cancer Institute funds this research.")]
        [InlineData("NOTE: see the made-up table below.")]
        [InlineData("These include: fever and a made-up rash.")]
        [InlineData("For example: Made-up drugs can help.")]
        [InlineData("However, Some people do well with made-up care.")]
        [InlineData("African Americans, Hispanics, and Native Americans tend to have a made-up risk.")]
        public void Should_Keep_Capitalised_Names_And_Titles_In_Their_Sentence(string text)
        {
            Assert.Equal([text], Split(text));
        }

        [Fact]
        public void Should_Split_Abstract_Parts_Joined_Without_A_Space()
        {
            Assert.Equal(
                ["We assessed a made-up drug.", "METHODS:", "A total of 12 fixtures were used."],
                Split("We assessed a made-up drug.METHODS: A total of 12 fixtures were used."));
        }

        [Fact]
        public void Should_Split_Sentences_Joined_Without_A_Space()
        {
            Assert.Equal(["These are called fixture pills.", "Most people start with them."], Split("These are called fixture pills.Most people start with them."));
        }

        [Theory]
        [InlineData("Fixtures can clear fixture virus C.Acute fixture virus C is short.", "Fixtures can clear fixture virus C.", "Acute fixture virus C is short.")]
        [InlineData("Ask about HIV.For most people the fixture helps.", "Ask about HIV.", "For most people the fixture helps.")]
        [InlineData("The fixture is on the bones.A fixture reader looks at it.", "The fixture is on the bones.", "A fixture reader looks at it.")]
        public void Should_Split_Sentences_Joined_After_A_Capital_Or_Before_A(string text, string first, string second)
        {
            Assert.Equal([first, second], Split(text));
        }

        [Theory]
        [InlineData("Fixtures made in the U.S.Army labs are fine.")]
        [InlineData("The fixture was called No.A simple one.")]
        public void Should_Not_Split_An_Abbreviation_Joined_To_A_Capital(string text)
        {
            Assert.Single(Split(text));
        }

        [Fact]
        public void Should_End_A_Sentence_At_An_Abbreviation_In_Capitals_But_Not_At_A_Title()
        {
            Assert.Equal(["No one knows what causes MS.", "It may be made up."], Split("No one knows what causes MS. It may be made up."));
            Assert.Single(Split("Ask Ms. Jones about it."));
            Assert.Single(Split("The U.S. Food and Drug Administration approved it."));
        }

        [Fact]
        public void Should_Not_End_A_Sentence_Before_A_Lower_Case_Word()
        {
            Assert.Single(Split("Use approx. five tablets in total."));
        }

        [Fact]
        public void Should_Return_Offsets_Into_The_Text_Given()
        {
            const string text = "One sentence here. Another one there.";
            var spans = SentenceSplitter.Split(text);
            Assert.Equal("Another one there.", text[spans[1].Start..spans[1].End]);
        }
    }
}
