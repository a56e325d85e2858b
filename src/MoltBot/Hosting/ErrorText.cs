namespace MoltBot.Hosting;

/// <summary>
/// An exception told in one line for logs and status. Wrappers such as <see cref="System.Net.Http.HttpClient"/>'s
/// "An error occurred while sending the request" keep the reason (a refused or reset connection, a response that ended
/// early) in the inner exception, so that is added.
/// </summary>
internal static class ErrorText
{
    public static string OneLine(Exception exception) =>
        exception.InnerException is { } inner && inner.Message != exception.Message
            ? $"{FirstLine(exception.Message)} ({FirstLine(inner.Message)})"
            : FirstLine(exception.Message);

    /// <summary>The text up to its first line break, without a final full stop.</summary>
    public static string FirstLine(string text) =>
        (text.AsSpan().IndexOfAny('\r', '\n') is var end and >= 0 ? text[..end] : text).TrimEnd('.');
}
