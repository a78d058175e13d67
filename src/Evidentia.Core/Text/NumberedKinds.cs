using System.Text.RegularExpressions;

namespace Evidentia.Core.Text;

/// <summary>
/// The numbered kinds a text names: "type 2" (diabetes), "stage III" (cancer), "grade 1", "class IV". A sentence that
/// names only other numbers of the kind a question asks about ("type 1 diabetes" for "type 2 diabetes") is about
/// something else. A trial's phase is not a kind of what is asked about: "Has X been tested in phase III trials?" is
/// answered by its phase II trial.
/// </summary>
public static partial class NumberedKinds
{
    private static readonly string[] Roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

    /// <summary>
    /// The numbered kinds in <paramref name="text"/>, as "type 2", "stage 3a" (for "stage IIIA"; "stages III or IV" is "stage 3"
    /// and "stage 4").
    /// </summary>
    public static IReadOnlySet<string> Of(string text) =>
        Pattern().Matches(text)
            .SelectMany(m => m.Groups["n"].Captures.Select(c => Singular(m.Groups[1].Value.ToLowerInvariant()) + " " + Number(c.Value.ToLowerInvariant())))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="text"/> names any numbered kind of the ones in <paramref name="asked"/>.</summary>
    public static bool NamesKind(string text, IReadOnlySet<string> asked) =>
        asked.Count > 0 && Of(text).Any(n => asked.Any(a => Kind(a) == Kind(n)));

    /// <summary>
    /// Whether <paramref name="text"/> names a kind of <paramref name="asked"/> only by other numbers: it says "type 1" and
    /// not "type 2" when "type 2" was asked, or "type 1e" when "type 1a" was. A subtype of the asked kind ("stage 3a" for
    /// "stage 3") or the kind a subtype belongs to ("type 1" for "type 1a") is not another.
    /// </summary>
    public static bool OthersOnly(string text, IReadOnlySet<string> asked)
    {
        if (asked.Count == 0)
        {
            return false;
        }

        var named = Of(text);
        return named.Any(n => asked.Any(a => Kind(a) == Kind(n))) && !named.Any(n => asked.Any(a => a == n || a == Base(n) || Base(a) == n));
    }

    private static string Kind(string named) => named[..named.IndexOf(' ')];

    // "type 1a" → "type 1".
    private static string Base(string named) => char.IsLetter(named[^1]) ? named[..^1] : named;

    private static string Singular(string kind) => kind switch
    {
        "classes" => "class",
        "types" or "stages" or "grades" => kind[..^1],
        _ => kind,
    };

    // "12" and "12b" as written; Roman numerals in digits ("iiib" → "3b").
    private static string Number(string value)
    {
        if (char.IsDigit(value[0]))
        {
            return value;
        }

        var (numeral, suffix) = Array.IndexOf(Roman, value) >= 0 ? (value, "") : (value[..^1], value[^1..]);
        return (Array.IndexOf(Roman, numeral) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) + suffix;
    }

    // The kind, then its numbers, one or a list ("III or IV", "1, 2 and 3", "3-4"), each perhaps with a subtype's letter
    // ("1A", "IIIb"); a numeral only as a whole word, and a Roman one in capitals ("type is", "stage i.e." are words).
    private const string Numeral = @"(?<n>[0-9]+[a-zA-Z]?|(?-i:(?:I{1,3}|IV|VI{0,3}|IX|X)[a-dA-D]?))\b";

    [GeneratedRegex(@"\b(types?|stages?|grades?|class(?:es)?)[\s-]+" + Numeral + @"(?:(?:\s*,\s*|\s+(?:or|and|to)\s+|\s*[-–]\s*)" + Numeral + ")*", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
