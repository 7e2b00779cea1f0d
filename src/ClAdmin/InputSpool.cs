using Microsoft.Win32.SafeHandles;

namespace ClAdmin;

/// <summary>
/// Standard input kept in a temporary file ($TMPDIR) readable by the user alone and unlinked as
/// soon as it is created (nothing is left behind, even by a killed cladmin), so that each node's
/// command reads it afresh as a stream: a large input costs disk, not memory, and its bytes are
/// passed on unchanged.
/// </summary>
public sealed class InputSpool : IDisposable
{
    private readonly FileStream _file;

    private InputSpool(FileStream file) => _file = file;

    /// <summary>Copies <paramref name="input"/> to its end into a new spool file.</summary>
    public static async Task<InputSpool> CreateAsync(Stream input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = Path.Combine(Path.GetTempPath(), $"cladmin-stdin-{Environment.ProcessId}-{Guid.NewGuid():N}");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read | FileShare.Delete,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite; // it may hold secrets
        }
        var file = new FileStream(path, options);
        try
        {
            File.Delete(path);
            await input.CopyToAsync(file, cancellationToken).ConfigureAwait(false);
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            return new InputSpool(file);
        }
        catch
        {
            await file.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the spooled input from its start (one stream per node, each with its own position).</summary>
    public Stream Open() => new Reader(_file.SafeFileHandle, _file.Length);

    public void Dispose() => _file.Dispose();

    /// <summary>Positional reads of the spool (pread): readers never share an offset.</summary>
    private sealed class Reader(SafeFileHandle handle, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = RandomAccess.Read(handle, buffer[..(int)Math.Min(buffer.Length, length - _position)], _position);
            _position += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await RandomAccess.ReadAsync(handle, buffer[..(int)Math.Min(buffer.Length, length - _position)], _position, cancellationToken).ConfigureAwait(false);
            _position += n;
            return n;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
