using System.Text;

namespace ClAdmin.Exec.Ssh;

/// <summary>Reads a stream as text up to markers, keeping what follows for the next read.
/// Reads are never cancelled (a cancelled pipe read can lose data): callers stop a stuck
/// reader by ending the process, which ends the stream.</summary>
internal sealed class MarkerReader(Stream stream)
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly byte[] _bytes = new byte[16384];
    private char[] _buffer = new char[32768];
    private int _length;

    /// <summary>True once the stream ended.</summary>
    public bool Ended { get; private set; }

    /// <summary>Returns and forgets everything buffered (what a dead ssh said last).</summary>
    public string TakeRest()
    {
        var rest = new string(_buffer, 0, _length);
        _length = 0;
        return rest;
    }

    /// <summary>The text before the next <paramref name="marker"/> (consumed), or null when the
    /// stream ends first (the text stays buffered).</summary>
    public async Task<string?> ReadUntilAsync(string marker)
    {
        var searchFrom = 0;
        while (true)
        {
            var at = _buffer.AsSpan(searchFrom, _length - searchFrom).IndexOf(marker.AsSpan(), StringComparison.Ordinal);
            if (at >= 0)
            {
                at += searchFrom;
                var text = new string(_buffer, 0, at);
                var consumed = at + marker.Length;
                Array.Copy(_buffer, consumed, _buffer, 0, _length - consumed);
                _length -= consumed;
                return text;
            }
            if (Ended)
            {
                return null;
            }
            searchFrom = Math.Max(0, _length - marker.Length + 1);
            await FillAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Everything up to the end of the stream (consumed).</summary>
    public async Task<string> ReadToEndAsync()
    {
        while (!Ended)
        {
            await FillAsync().ConfigureAwait(false);
        }
        return TakeRest();
    }

    private async Task FillAsync()
    {
        int n;
        try
        {
            n = await stream.ReadAsync(_bytes).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            n = 0;
        }
        Ensure(n + 4);
        _length += _decoder.GetChars(_bytes, 0, n, _buffer, _length, flush: n == 0);
        Ended = n == 0;
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
        }
    }
}
