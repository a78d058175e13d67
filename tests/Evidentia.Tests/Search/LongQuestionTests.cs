using System.Text;
using Evidentia.Core.Answers;
using Evidentia.Core.Documents;
using Evidentia.Tests.Support;

namespace Evidentia.Tests.Search;

/// <summary>Any question the validator accepts gets an answer or a decline, however many words it has (issue 25, 4).</summary>
public class LongQuestionTests
{
    // 600 distinct made-up words of three to five letters, and 1,500 CJK characters: both within the 2,000-character limit.
    public static TheoryData<string> Questions() =>
        [ManyWords(), new string([.. Enumerable.Range(0, 1500).Select(i => (char)(0x4E00 + ((i * 7919) % 20000)))])];

    /// <summary>A question of 600 distinct made-up words, within the length limit.</summary>
    public static string ManyWords()
    {
        var words = new StringBuilder();
        var random = new Random(11);
        var seen = new HashSet<string>();
        while (seen.Count < 600 && words.Length < QuestionRules.MaxLength - 6)
        {
            var word = new string([.. Enumerable.Range(0, random.Next(2, 3)).Select(_ => (char)('a' + random.Next(26)))]);
            if (seen.Add(word))
            {
                words.Append(word).Append(' ');
            }
        }

        return words.ToString().Trim();
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Should_Answer_Or_Decline_A_Question_Of_Many_Distinct_Words(string question)
    {
        Assert.Null(QuestionRules.Validate(question));
        var words = Enumerable.Range(0, 40).Select(i => Document.Create(
            new DocumentKey("c", $"d{i}"), $"Fixture {i}",
            [new SourceSection("", string.Join(' ', question.Split(' ').Skip(i * 10).Take(30)) + " is a made-up fixture sentence.")]));
        await using var test = await TestWorkspace.IndexedAsync(words);

        var answer = await test.Workspace.CreateAnswerEngine().AskAsync(question, Audience.Physician, null, CancellationToken.None);

        Assert.Contains(answer.Outcome, new[] { AnswerOutcome.Answered, AnswerOutcome.InsufficientEvidence });
        Assert.NotNull(test.Workspace.CreateAnswerEngine().Related(question, Audience.Physician));
    }
}
