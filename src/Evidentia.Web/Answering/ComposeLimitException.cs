namespace Evidentia.Web.Answering;

/// <summary>A client asked for more compositions than <see cref="ComposeBudget"/> allows this minute: HTTP 429.</summary>
public sealed class ComposeLimitException : Exception
{
    public ComposeLimitException()
        : base("Too many new answers from this address this minute; try again in a minute.")
    {
    }

    public ComposeLimitException(string message)
        : base(message)
    {
    }

    public ComposeLimitException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
