using System.Text.RegularExpressions;
using Evidentia.Core.Documents;

namespace Evidentia.Core.Text;

/// <summary>
/// Splits medical text into sentences with character offsets. Rule-based on purpose: it must keep
/// abbreviations (e.g., i.v., q.i.d., vs., et al.), decimals and doses (0.5 mg/kg), parenthetical
/// remarks and bracketed citations ("[12]") inside their sentence, and it must separate list items
/// and the inline " - " pseudo-bullets of NIH pages. Input is text normalised by
/// <see cref="WhitespaceNormalizer"/>; offsets are into the string given.
/// </summary>
public static partial class SentenceSplitter
{
    // Lower-case, without the final dot. A dot after one of these never ends a sentence.
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
    {
        "e.g", "i.e", "vs", "v", "cf", "viz", "approx", "ca", "incl", "al", "fig", "figs", "no", "nos",
        "vol", "ref", "refs", "eq", "dr", "mr", "mrs", "ms", "prof", "st", "jr", "sr", "dept", "univ",
        "i.v", "i.m", "s.c", "p.o", "q.d", "q.i.d", "b.i.d", "t.i.d", "q.h", "q.o.d", "h.s", "p.r.n",
        "u.s", "u.k", "sp", "spp", "resp", "min", "max", "mo", "yr", "yrs", "wk", "wks", "hr", "hrs",
    };

    /// <summary>Sentence spans of <paramref name="text"/>, trimmed of whitespace and bullet markers.</summary>
    /// <param name="gluedItems">
    /// Whether the text is a web page that lost its line breaks, so that a word in small letters run into a capitalised
    /// one ends a list item or heading ("… a transplanted organStatins, which are …"); not for abstracts, whose
    /// camel-case names ("featureCounts") look the same.
    /// </param>
    public static IReadOnlyList<TextSpan> Split(string text, bool gluedItems = false)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        var depth = 0;
        var inList = false;
        // Whether the list's last item ended at the next bullet without closing punctuation ("- Are a man - Drink alcohol").
        var bareItems = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            // A symptom table is one segment: its "-" cells are no bullets (SymptomTables).
            if (c == 'S' && text.AsSpan(start, i - start).IsWhiteSpace() && SymptomTables.End(text, i) is var table and > 0)
            {
                Emit(text, start, table, spans);
                start = i = table;
                depth = 0;
                inList = false;
                continue;
            }

            switch (c)
            {
                case '(' or '[':
                    depth++;
                    break;
                case ')' or ']':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '\n':
                    {
                        var paragraph = i + 1 < text.Length && text[i + 1] == '\n';
                        var nextLine = i + 1 + (paragraph ? 1 : 0);
                        if (paragraph || StartsListItem(text, nextLine) || EndsClause(text, start, i))
                        {
                            Emit(text, start, i, spans);
                            start = nextLine;
                            depth = 0;
                            inList = StartsListItem(text, nextLine) && !paragraph;
                            i = nextLine;
                            continue;
                        }

                        break;
                    }

                case '-' or '•' when IsInlineBullet(text, i) && (inList || PreviousNonSpace(text, i) == ':' || OpensInlineList(text, i)):
                    Emit(text, start, i, spans);
                    bareItems = inList && PreviousNonSpace(text, i) is not ('.' or '!' or '?' or ';');
                    start = i;
                    depth = 0;
                    inList = true;
                    break;
                case var upper when gluedItems && depth == 0 && char.IsUpper(upper) && IsGluedItem(text, start, i):
                    Emit(text, start, i, spans);
                    start = i;
                    inList = false;
                    break;
                case '.' or '?' or '!':
                    {
                        var end = EndOfTerminator(text, i);
                        if (IsBoundary(text, start, i, end, depth, out var resume))
                        {
                            if (inList && bareItems && text[start] is '-' or '•' && RunOnSentence(text, start, i) is var runOn and > 0)
                            {
                                Emit(text, start, runOn, spans);
                                start = runOn;
                            }

                            Emit(text, start, resume, spans);
                            start = resume;
                            depth = 0;
                            inList = inList && StartsListItem(text, resume);
                            i = resume;
                            continue;
                        }

                        break;
                    }
            }

            i++;
        }

        Emit(text, start, text.Length, spans);
        return spans;
    }

    // After the terminator: more terminators, closing quotes and brackets, a glued citation "[12]".
    private static int EndOfTerminator(string text, int i)
    {
        var j = i + 1;
        while (j < text.Length && text[j] is '.' or '?' or '!')
        {
            j++;
        }

        while (j < text.Length && text[j] is '"' or '\'' or '”' or '’' or ')')
        {
            j++;
        }

        return SkipCitation(text, j);
    }

    private static int SkipCitation(string text, int j)
    {
        if (j < text.Length && text[j] == '[')
        {
            var m = CitationPattern().Match(text, j);
            if (m.Success && m.Index == j)
            {
                return j + m.Length;
            }
        }

        return j;
    }

    private static bool IsBoundary(string text, int start, int i, int end, int depth, out int resume)
    {
        resume = end;
        if (end >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[end]))
        {
            // 0.5 mg, e.g., i.v., www.nih.gov, Cancer.Net; but "… after 32 weeks.METHODS: A total …" joins two parts of
            // an abstract, and "… are called oral medicines.Most people …" two sentences.
            return text[i] == '.' && (AbstractLabel().IsMatch(text.AsSpan(end)) || IsGluedSentence(text, start, i, end));
        }

        var k = end;
        while (k < text.Length && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        var paragraph = text.AsSpan(end, k - end).Contains("\n\n", StringComparison.Ordinal);
        if (paragraph || k >= text.Length)
        {
            return true;
        }

        // "... was shown. [12] [13] The next" — the citations belong to the sentence before them.
        for (var afterCitation = SkipCitation(text, k);
             afterCitation > k && (afterCitation >= text.Length || char.IsWhiteSpace(text[afterCitation]));
             afterCitation = SkipCitation(text, k))
        {
            resume = afterCitation;
            k = afterCitation;
            while (k < text.Length && char.IsWhiteSpace(text[k]))
            {
                k++;
            }

            if (k >= text.Length)
            {
                return true;
            }
        }

        if (depth > 0 && text[i] == '.')
        {
            return false;
        }

        if (text[i] == '.' && (IsAbbreviation(text, start, i) || IsItemNumber(text, start, i)))
        {
            return false;
        }

        var next = text[k];
        return !char.IsLower(next) && next is not (',' or ';' or ':' or ')');
    }

    // A word of three small letters or more, not one that leads into a name ("the", "for", "see", "include"), run into a
    // capitalised word: "organStatins", "Physical examDuring", "painWhen".
    private static bool IsGluedItem(string text, int start, int i)
    {
        var b = i;
        while (b > start && char.IsLower(text[b - 1]))
        {
            b--;
        }

        return i - b >= 3 && (b == start || char.IsWhiteSpace(text[b - 1])) && !LeadsIntoName.Contains(text[b..i])
            && i + 2 < text.Length && char.IsLower(text[i + 1]) && char.IsLower(text[i + 2]);
    }

    private static readonly HashSet<string> LeadsIntoName = new(StringComparer.Ordinal)
    {
        "the", "for", "see", "visit", "include", "includes", "including", "from", "with", "and", "your", "about", "called",
        "than", "into", "read", "call", "contact",
    };

    // A word in small letters or in capitals ("hepatitis C.Acute", "HIV.For"), a dot, then a capitalised word or "A": a
    // space lost between two sentences, unless the word before is an abbreviation or part of an address
    // ("www.Smokefree.gov", "Cancer.Net", "U.S.Army").
    private static bool IsGluedSentence(string text, int start, int dot, int end)
    {
        var b = dot;
        while (b > start && char.IsLetter(text[b - 1]))
        {
            b--;
        }

        var word = text.AsSpan(b, dot - b);
        var ends = (word.Length >= 2 && char.IsLower(word[^1]) && char.IsLower(word[^2])) || (word.Length >= 1 && !word.ContainsAnyExceptInRange('A', 'Z'));
        return end == dot + 1 && ends
            && (b == start || text[b - 1] is not ('.' or '/' or '@')) && !word.Equals("www", StringComparison.OrdinalIgnoreCase)
            && !IsAbbreviation(text, start, dot) && GluedStart().IsMatch(text.AsSpan(end));
    }

    // "2. Give oxygen": the number of a list item, alone at the start of its segment.
    private static bool IsItemNumber(string text, int start, int dot)
    {
        var b = dot;
        while (b > start && char.IsDigit(text[b - 1]))
        {
            b--;
        }

        return b < dot && dot - b <= 2 && text.AsSpan(start, b - start).IsWhiteSpace();
    }

    private static bool IsAbbreviation(string text, int start, int dot)
    {
        var b = dot;
        while (b > start && (char.IsLetter(text[b - 1]) || text[b - 1] == '.'))
        {
            b--;
        }

        if (b == dot)
        {
            return false;
        }

        var word = text[b..dot].ToLowerInvariant();
        // A single capital letter is an initial ("J. Smith"), unless it closes a list item like "vitamin A."
        // "MS." after multiple sclerosis is not "Ms."
        var capitals = dot - b >= 2 && !text.AsSpan(b, dot - b).ContainsAnyExceptInRange('A', 'Z');
        return (Abbreviations.Contains(word) && !capitals) || (dot - b == 1 && char.IsUpper(text[b]) && b > start && text[b - 1] == ' ' && IsInitialContext(text, b));
    }

    // "J. Smith" or "A. B. Jones": an initial follows a capitalised word or another initial.
    private static bool IsInitialContext(string text, int b)
    {
        var p = b - 2;
        if (p < 0)
        {
            return false;
        }

        if (text[p] == '.')
        {
            return true;
        }

        var w = p;
        while (w > 0 && char.IsLetter(text[w - 1]))
        {
            w--;
        }

        return char.IsUpper(text[w]) && p - w >= 1 && text.AsSpan(w, p - w + 1).ToString() is var word && !word.All(char.IsUpper);
    }

    // The last item of an inline list whose items have no closing punctuation runs into the sentence after it ("… - Drink
    // alcohol - Eat too many foods rich in purines Gout can be hard to diagnose."): that sentence starts at the first
    // capitalised word after an uncapitalised one that follows at least two words of the item, is followed by a word
    // in small letters (not a name: "… or Alaska Native, …") and leaves at least four words; 0 when there is none.
    private static int RunOnSentence(string text, int start, int end)
    {
        var spaces = new List<int>();
        for (var p = start + 2; p < end; p++)
        {
            if (text[p] == ' ')
            {
                spaces.Add(p);
            }
        }

        for (var k = 1; k + 3 < spaces.Count; k++)
        {
            var p = spaces[k];
            if (text[p - 1] is (>= 'a' and <= 'z') or ')' or '"' or '”' && !char.IsUpper(text[spaces[k - 1] + 1])
                && char.IsUpper(text[p + 1]) && char.IsLower(text[p + 2])
                && char.IsLower(text[spaces[k + 1] + 1]))
            {
                return p + 1;
            }
        }

        return 0;
    }

    // "Symptoms can include - Pain - Enlarged bones - Broken bones": inline bullets without a colon before them are a
    // list when two more follow in the same sentence; a single " - " (or a pair around an aside) is a dash.
    private static bool OpensInlineList(string text, int i)
    {
        var more = 0;
        for (var j = i + 1; j < text.Length - 1 && more < 2 && !(text[j] == '.' && text[j + 1] == ' '); j++)
        {
            more += text[j] is '-' or '•' && IsInlineBullet(text, j) ? 1 : 0;
        }

        return more >= 2;
    }

    private static bool IsInlineBullet(string text, int i) =>
        i > 0 && text[i - 1] == ' ' && i + 1 < text.Length && text[i + 1] == ' ';

    private static bool StartsListItem(string text, int i)
    {
        if (i >= text.Length)
        {
            return false;
        }

        if (text[i] is '-' or '*' or '•' or '–' && i + 1 < text.Length && text[i + 1] == ' ')
        {
            return true;
        }

        var m = NumberedItemPattern().Match(text, i);
        return m.Success && m.Index == i;
    }

    // A line that ends with a terminator or a colon ends its clause; a line that does not is wrapped text.
    private static bool EndsClause(string text, int start, int newline)
    {
        var p = newline - 1;
        while (p >= start && text[p] == ' ')
        {
            p--;
        }

        return p >= start && text[p] is '.' or '?' or '!' or ':';
    }

    private static char PreviousNonSpace(string text, int i)
    {
        var p = i - 1;
        while (p >= 0 && text[p] == ' ')
        {
            p--;
        }

        return p >= 0 ? text[p] : '\0';
    }

    private static void Emit(string text, int start, int end, List<TextSpan> spans)
    {
        while (start < end && (char.IsWhiteSpace(text[start]) || (text[start] is '-' or '*' or '•' or '–' && start + 1 < end && text[start + 1] == ' ')))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start && text.AsSpan(start, end - start).ContainsAnyExcept(" -*•–.,;:"))
        {
            // A heading run into its first sentence is a segment of its own, as it would be on a line of its own.
            if (RunInHeading(text, start, end) is { } runIn)
            {
                spans.Add(runIn.Heading);
                start = runIn.Sentence;
            }

            spans.Add(new TextSpan(start, end));
        }
    }

    // Abstracts label their parts in capitals ("BACKGROUND AND OBJECTIVES: In the rare disease …", BioASQ's
    // snippets keep the label inside the text), and NIH pages run a section heading into the sentence after it,
    // MedQuAD and MEDIQA keeping no line break between them: "Common Treatments The most common treatments for an
    // attack of gout are …", "Symptoms Can Be Controlled With proper treatment, …". Such a heading is a run of
    // capitalised words ("and", "of", numbers … inside); the sentence starts at a capitalised word that opens sentences
    // ("The", "With", "If", "Doctors" …), followed by a lower-case word that can follow it ("With a Team of …" is still
    // the heading; "A" is left out: "Hepatitis A is …").
    private static (TextSpan Heading, int Sentence)? RunInHeading(string text, int start, int end)
    {
        if (AbstractLabel().Match(text, start, end - start) is { Success: true } label)
        {
            return (new TextSpan(start, start + label.Groups[1].Length), start + label.Length);
        }

        // The first words only (a heading and the sentence's first three), read where they stand.
        var words = WordPattern().Matches(text, start).TakeWhile(w => w.Index < end).Take(MaxHeadingWords + 3).ToList();

        // A heading its sentence starts by repeating in sentence case: "Risk Factors Risk factors are …".
        for (var k = 2; k <= 5 && 2 * k <= words.Count && Capitalised().IsMatch(words[0].Value); k++)
        {
            if (!Capitalised().IsMatch(words[k - 1].Value))
            {
                break;
            }

            if (Enumerable.Range(0, k).All(j => string.Equals(words[j].Value, words[k + j].Value, StringComparison.OrdinalIgnoreCase))
                && Enumerable.Range(1, k - 1).Any(j => words[j].Value != words[k + j].Value))
            {
                return (new TextSpan(start, words[k - 1].Index + words[k - 1].Length), words[k].Index);
            }
        }

        for (var k = 1; k <= Math.Min(MaxHeadingWords, words.Count - 2); k++)
        {
            // Every word before the sentence is part of the heading: once one cannot be, there is none.
            // A heading may list its words with commas: "Eating, Diet, and Nutrition", "Burning, Itching, Tingling, Then a Rash".
            var last = words[k - 1].Value;
            if (!Capitalised().IsMatch(last.EndsWith(',') ? last[..^1] : last) && (k == 1 || !(HeadingConnectors.Contains(last) || Number().IsMatch(last))))
            {
                return null;
            }

            var opener = words[k].Value;
            var next = words[k + 1].Value;
            // A subject that opens sentences ("Doctors use …", "People with …") after a heading, not after a word that
            // opens them itself ("Most Doctors …").
            var subject = Subjects.Contains(opener) && !SentenceOpeners.Contains(last);
            // "In" opens a sentence with a date too: "A Vaccine for Adults 60 and Older In May 2006, the …".
            var dated = opener is "In" && Dated().IsMatch(next);
            if (!(SentenceOpeners.Contains(opener) || subject) || !(char.IsLower(next[0]) || dated) || (HeadingConnectors.Contains(next) && !subject)
                || (!Pronouns.Contains(opener) && !subject && Auxiliaries.Contains(next))
                || (k + 2 < words.Count && char.IsUpper(words[k + 2].Value[0])))
            {
                continue;
            }

            // A heading ends with a capitalised word, not "and", "of" … nor a comma ("Furthermore, The …").
            return Capitalised().IsMatch(last) ? (new TextSpan(start, words[k - 1].Index + words[k - 1].Length), words[k].Index) : null;
        }

        return null;
    }

    // Words of a run-in heading at most: "Have Regular Screenings to Look for Cyst or Tumor Growth".
    private const int MaxHeadingWords = 10;

    private static readonly HashSet<string> Pronouns = new(StringComparer.Ordinal) { "It", "There", "You", "We", "They", "He", "She", "One" };

    private static readonly HashSet<string> SentenceOpeners = new(
        ["The", "An", "This", "These", "That", "Those", "Its", "Your", "Our", "Their", "With", "Without", "In", "On", "At", "For",
         "If", "When", "Whenever", "While", "Although", "Though", "Because", "Since", "After", "Before", "During", "Even", "Once",
         "Most", "Many", "Some", "Several", "Each", "Every", "All", "Any", "No", "Not", "Both", "Unlike", "Like", "As", "However", "Through", .. Pronouns],
        StringComparer.Ordinal);

    // Nouns that NIH pages open the sentence after a heading with: "Most Symptoms Are Treatable Doctors use …".
    private static readonly HashSet<string> Subjects = new(StringComparer.Ordinal)
    {
        "Doctors", "Researchers", "Scientists", "Studies", "Research", "People", "Patients",
    };

    private static readonly HashSet<string> HeadingConnectors = new(StringComparer.Ordinal) { "and", "or", "of", "for", "to", "in", "with", "without", "the", "a", "an", "on", "at", "by", "from" };

    private static readonly HashSet<string> Auxiliaries = new(StringComparer.Ordinal)
    {
        "is", "are", "was", "were", "be", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "does", "do", "did",
    };

    [GeneratedRegex(@"\S+")]
    private static partial Regex WordPattern();

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Number();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:19|20)\d\d,?)$")]
    private static partial Regex Dated();

    // A sentence's first word, not the rest of an address: "Most people …", not "Net" or "Smokefree.gov".
    [GeneratedRegex(@"^(?!(?:Net|Org|Com|Gov|Edu)\b)(?:\p{Lu}\p{Ll}+|A(?= \p{Ll}))(?![\p{L}\p{N}./@])")]
    private static partial Regex GluedStart();

    // "BACKGROUND AND OBJECTIVES:" (or in capitals on a line of its own), or one of the labels of structured abstracts in
    // other cases ("Areas covered:").
    [GeneratedRegex(@"^(\p{Lu}{2,}(?:[ /&,-]+\p{Lu}{2,})*(?::|(?= *\n))|(?i:(?:background|introduction|context|importance|objectives?|purpose|aims?|rationale|design|setting|participants|methods|results|findings|interpretation|discussion|conclusions?|summary|recent findings|areas covered|expert (?:opinion|commentary))(?: and [a-z]+)?):)[ \n]+(?=[\p{Lu}\d])")]
    private static partial Regex AbstractLabel();

    [GeneratedRegex(@"^\p{Lu}[\p{L}\p{N}'’-]*$")]
    private static partial Regex Capitalised();

    /// <summary>A bracketed reference mark: "[12]", "[2, 3]", "[4-6]".</summary>
    internal const string CitationMark = @"\[\d+(?:\s*[,–-]\s*\d+)*\]";

    [GeneratedRegex(CitationMark)]
    private static partial Regex CitationPattern();

    [GeneratedRegex(@"\d{1,2}[.)] ")]
    private static partial Regex NumberedItemPattern();
}
