using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Evidentia.Search.Indexing;

/// <summary>
/// The analyzers of the index and of questions. Both are Lucene's English chain (standard tokenizer,
/// possessives, lower case, stop words, Porter stemmer); questions also drop the words that make a
/// sentence a question or a message ("what", "how", "my", "thanks", "describe") so that they neither match nor
/// count towards the share of the question that the evidence covers.
/// </summary>
public static class Analyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly string[] QuestionWords =
    [
        "what", "whats", "how", "why", "when", "where", "which", "who", "whom", "whose", "does", "do", "did", "done",
        "can", "could", "should", "would", "may", "might", "must", "shall", "i", "im", "me", "my", "mine", "myself",
        "you", "your", "yours", "we", "us", "our", "he", "she", "him", "her", "his", "hers", "its", "am", "been",
        "being", "have", "has", "had", "having", "get", "gets", "getting", "got", "please", "thank", "thanks", "hello",
        "hi", "dear", "sir", "madam", "know", "tell", "about", "any", "some", "someone", "anyone", "need", "want",
        "like", "also", "just", "very", "so", "than", "too", "from", "up", "out", "there", "here", "would", "were",
        "information", "info", "question", "questions", "regarding", "re", "more", "other", "others", "much", "many",
        "same", "all", "each", "own", "only", "again", "further", "once", "while", "because", "until", "did", "doing",
        "are", "(are)", "is", "be",
        .. Core.Questions.QuestionAnalyzer.Instructions,
    ];

    /// <summary>For indexed text: Lucene's <see cref="EnglishAnalyzer"/>.</summary>
    public static Analyzer CreateIndexAnalyzer() => new EnglishAnalyzer(Version);

    /// <summary>For questions: the English chain with question and message words removed too.</summary>
    public static Analyzer CreateQuestionAnalyzer() => new QuestionAnalyzer();

    private sealed class QuestionAnalyzer : Analyzer
    {
        private static readonly CharArraySet Stop = CreateStopSet();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream result = new StandardFilter(Version, source);
            result = new EnglishPossessiveFilter(Version, result);
            result = new LowerCaseFilter(Version, result);
            result = new StopFilter(Version, result, Stop);
            result = new PorterStemFilter(result);
            return new TokenStreamComponents(source, result);
        }

        private static CharArraySet CreateStopSet()
        {
            var set = new CharArraySet(Version, EnglishAnalyzer.DefaultStopSet.Count + QuestionWords.Length, ignoreCase: true);
            foreach (var word in EnglishAnalyzer.DefaultStopSet)
            {
                set.Add(word);
            }

            foreach (var word in QuestionWords)
            {
                set.Add(word);
            }

            return set.AsReadOnly();
        }
    }
}
