using System.Globalization;

namespace Evidentia.Storage.Relational;

/// <summary>Times are stored as sortable UTC text, the same in every backend (ordered as strings).</summary>
internal static class Times
{
    public static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
