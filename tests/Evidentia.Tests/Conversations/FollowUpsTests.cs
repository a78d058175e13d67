using Evidentia.Core.Conversations;
using Evidentia.Core.Questions;

namespace Evidentia.Tests.Conversations;

public class FollowUpsTests
{
    private static readonly ConversationTurn Previous =
        new("c1", 1, "What is the treatment for Noonan syndrome?", "What is the treatment for Noonan syndrome?", QuestionType.Treatment, "Noonan syndrome", "a-1");

    [Theory]
    [InlineData("and in children?", QuestionType.Treatment, "and in children Noonan syndrome treatment")]
    [InlineData("what about the dose?", QuestionType.Dose, "what about the dose Noonan syndrome dose")]
    [InlineData("Is it inherited?", QuestionType.Genetics, "Is it inherited Noonan syndrome inherited genetic")]
    public void Should_Inherit_The_Focus_And_Type_Of_The_Thread(string question, QuestionType type, string searchedAs)
    {
        var (analysis, searched) = FollowUps.Resolve(Previous, question, QuestionAnalyzer.Analyze(question));
        Assert.Equal((type, "Noonan syndrome", searchedAs), (analysis.Type, analysis.Focus, searched));
    }

    [Fact]
    public void Should_Leave_A_New_Question_Alone()
    {
        const string question = "What are the symptoms of Lyme disease?";
        var (analysis, searched) = FollowUps.Resolve(Previous, question, QuestionAnalyzer.Analyze(question));
        Assert.Equal(("Lyme disease", question), (analysis.Focus, searched));
    }
}
