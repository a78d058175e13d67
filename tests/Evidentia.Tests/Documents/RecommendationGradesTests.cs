using Evidentia.Core.Documents;

namespace Evidentia.Tests.Documents;

public class RecommendationGradesTests
{
    [Theory]
    [InlineData("Offer quandrex to adults (Strong recommendation, high-quality evidence).", "Strong recommendation, high-quality evidence")]
    [InlineData("Offer quandrex to adults [A].", "A")]
    [InlineData("Offer quandrex (up to 100 mg/day) to adults (Level B).", "Level B")]
    [InlineData("Offer quandrex to adults (Grade 1C).", "Grade 1C")]
    [InlineData("Offer quandrex to adults (Level of Evidence: C).", "Level of Evidence: C")]
    [InlineData("Offer quandrex to adults (II-2B).", "II-2B")]
    [InlineData("Offer quandrex (Level C) but not brimlax (Level U).", "Level U")]
    [InlineData("US abdomen; Rating: 9; RRL: O; Comments: The first study.", "Rating 9")]
    public void Should_Read_The_Grade_A_Guideline_Writes_After_A_Recommendation(string passage, string grade) =>
        Assert.Equal(grade, RecommendationGrades.Find(passage));

    [Theory]
    [InlineData("Quandrex is given intravenously (IV) to adults with vorpelix.")]
    [InlineData("Quandrex was studied in 2014 (new 2014).")]
    [InlineData("Quandrex lowered the score (2).")]
    [InlineData("Grades are defined in the scheme (Class I-IV).")]
    [InlineData("Each recommendation is rated (strong, weak).")]
    [InlineData("See the definitions (the strength of the recommendation).")]
    [InlineData("Quandrex helps (see Table 2).")]
    public void Should_Not_Take_Other_Brackets_For_A_Grade(string passage) =>
        Assert.Null(RecommendationGrades.Find(passage));

    [Theory]
    [InlineData("US abdomen; Rating: 9; RRL: O.", true)]
    [InlineData("US abdomen; Rating: 7; RRL: O.", true)]
    [InlineData("CT abdomen; Rating: 6; RRL: ☢.", false)]
    [InlineData("Offer quandrex to adults (Level B).", null)]
    public void Should_Tell_Usually_Appropriate_Procedures_From_The_Others(string passage, bool? appropriate) =>
        Assert.Equal(appropriate, RecommendationGrades.Appropriate(passage));

    [Fact]
    public void Should_Read_Grades_Of_Guidelines_Only()
    {
        var paper = Document.Create(new DocumentKey("c", "1"), "Paper", [new SourceSection("", "Quandrex helped (Level B).")]);
        Assert.Null(RecommendationGrades.Find(paper, paper.Quote(paper.Passages[0].Span)));
    }
}
