using System.Net;
using System.Net.Sockets;

namespace MoltBot.Agent.Tools.Web.Ssrf;

/// <summary>
/// Decides where a fetch may connect. The check runs on the address actually connected to, inside the HTTP
/// handler's connect step (<see cref="ConnectAsync"/>), so a DNS answer that changes between check and use
/// (rebinding) cannot slip through; redirects are re-checked because every hop connects through here again.
/// </summary>
internal sealed class SsrfGuard(SsrfAllowList allowList, Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve = resolve ?? Dns.GetHostAddressesAsync;

    /// <summary>Refuses anything but http and https before a request is made.</summary>
    public static void CheckScheme(Uri url)
    {
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new SsrfRefusedException($"refused: {(url.IsAbsoluteUri ? url.Scheme + ":" : "a relative")} URL; web_fetch only reads http and https URLs.");
        }
    }

    /// <summary>The refusal for connecting to <paramref name="address"/> on behalf of <paramref name="host"/>, or null when allowed.</summary>
    public string? Refusal(string host, int port, IPAddress address)
    {
        if (SsrfAddressRules.Classify(address) is not { } what || allowList.Allows(host, port, address))
        {
            return null;
        }
        var shown = SsrfAddressRules.Unwrap(address).ToString();
        var subject = string.Equals(host, shown, StringComparison.OrdinalIgnoreCase) || IPAddress.TryParse(host, out _)
            ? $"{host} is {what}"
            : $"{host} resolves to {shown}, {what}";
        return $"refused: {subject}; add it to tools.web.allowPrivate if you really mean it";
    }

    /// <summary>A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host itself and connects only to an allowed address.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await _resolve(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        var allowed = new List<IPAddress>(addresses.Length);
        string? firstRefusal = null;
        foreach (var address in addresses)
        {
            if (Refusal(host, port, address) is { } refusal)
            {
                firstRefusal ??= refusal;
            }
            else
            {
                allowed.Add(address);
            }
        }
        if (allowed.Count == 0)
        {
            throw new SsrfRefusedException(firstRefusal!);
        }

        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }

    /// <summary>The guard's refusal inside an exception chain (the handler wraps it in an <see cref="HttpRequestException"/>).</summary>
    public static SsrfRefusedException? FindRefusal(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SsrfRefusedException refused)
            {
                return refused;
            }
        }
        return null;
    }
}
