namespace HiBobAdmin.Infrastructure;

/// <summary>
/// Reads through to an inner stream and keeps the first bytes read, so an answer that turns out not to be JSON can
/// still be logged as a short snippet after it was streamed into the parser.
/// </summary>
internal sealed class PrefixRecordingStream(Stream inner, int prefixBytes) : Stream
{
    private readonly byte[] _prefix = new byte[prefixBytes];
    private int _recorded;

    public ReadOnlySpan<byte> Prefix => _prefix.AsSpan(0, _recorded);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Record(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Record(buffer.Span[..read]);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Record(ReadOnlySpan<byte> read)
    {
        var take = Math.Min(read.Length, _prefix.Length - _recorded);
        read[..take].CopyTo(_prefix.AsSpan(_recorded));
        _recorded += take;
        return read.Length;
    }
}
