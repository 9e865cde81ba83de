using System.Runtime.InteropServices;

namespace Tapline.Tracing.Perf;

/// <summary>
/// One CPU's mmap'd ring: the control page, then the data pages the kernel writes records
/// into. The reader reads `data_head` (acquire), reads records up to it in place, and only
/// then publishes `data_tail` (release), so the kernel never overwrites a record being read.
/// </summary>
internal sealed unsafe class PerfRing : IDisposable
{
    private const int DataHeadOffset = 1024;
    private const int DataTailOffset = 1032;
    private const int DataOffsetOffset = 1040;
    private const int DataSizeOffset = 1048;

    private readonly nint _mapping;
    private readonly nuint _mappingLength;
    private readonly byte* _data;
    private readonly ulong _mask;
    private byte[] _wrapped = new byte[256];
    private ulong _head;
    private ulong _position;

    public PerfRing(int fd, int dataPages)
    {
        Fd = fd;
        var pageSize = Environment.SystemPageSize;
        _mappingLength = (nuint)((1 + dataPages) * pageSize);
        _mapping = LibC.Mmap(0, _mappingLength, LibC.ProtRead | LibC.ProtWrite, LibC.MapShared, fd, 0);
        if (_mapping == -1)
            throw new PerfException("mmap of the perf ring", Marshal.GetLastPInvokeError());
        var control = (byte*)_mapping;
        var dataOffset = *(ulong*)(control + DataOffsetOffset);
        var dataSize = *(ulong*)(control + DataSizeOffset);
        if (dataSize == 0)
            (dataOffset, dataSize) = ((ulong)pageSize, (ulong)(dataPages * pageSize));
        _data = control + dataOffset;
        Size = dataSize;
        _mask = dataSize - 1;
        _position = Volatile.Read(ref *(ulong*)(control + DataTailOffset));
    }

    /// <summary>The descriptor the ring was mapped from; poll it for the watermark.</summary>
    public int Fd { get; }

    public ulong Size { get; }

    /// <summary>Takes a new snapshot of how far the kernel has written.</summary>
    public void Refresh() => _head = Volatile.Read(ref *(ulong*)((byte*)_mapping + DataHeadOffset));

    public bool HasRecord => _position < _head;

    /// <summary>The record at the read position (copied only when it wraps around the ring's end).</summary>
    public PerfRecord Peek()
    {
        var (offset, type, misc, size) = HeaderAtPosition();
        if (size < PerfRecord.HeaderSize || _position + (ulong)size > _head)
            throw new InvalidDataException($"a perf ring record of {size} bytes runs past what the kernel wrote");
        var record = offset + (ulong)size <= Size
            ? new ReadOnlySpan<byte>(_data + offset, size)
            : Copy(offset, size);
        return new PerfRecord(type, misc, record[PerfRecord.HeaderSize..]);
    }

    /// <summary>Moves past the record <see cref="Peek"/> returned.</summary>
    public void Skip() => _position += (ulong)HeaderAtPosition().Size;

    /// <summary>The header of the record at the read position, and where in the ring it starts.</summary>
    private (ulong Offset, uint Type, ushort Misc, int Size) HeaderAtPosition()
    {
        var offset = _position & _mask;
        var header = offset + PerfRecord.HeaderSize <= Size
            ? new ReadOnlySpan<byte>(_data + offset, PerfRecord.HeaderSize)
            : Copy(offset, PerfRecord.HeaderSize);
        var (type, misc, size) = PerfRecord.ReadHeader(header);
        return (offset, type, misc, size);
    }

    /// <summary>Gives the space of every record read so far back to the kernel.</summary>
    public void Release() => Volatile.Write(ref *(ulong*)((byte*)_mapping + DataTailOffset), _position);

    private ReadOnlySpan<byte> Copy(ulong offset, int size)
    {
        if (_wrapped.Length < size)
            _wrapped = new byte[Math.Max(size, _wrapped.Length * 2)];
        var first = (int)Math.Min((ulong)size, Size - offset);
        new ReadOnlySpan<byte>(_data + offset, first).CopyTo(_wrapped);
        new ReadOnlySpan<byte>(_data, size - first).CopyTo(_wrapped.AsSpan(first));
        return _wrapped.AsSpan(0, size);
    }

    /// <summary>Unmaps the ring (munmap fails only on arguments this class computed itself).</summary>
    public void Dispose() => LibC.Munmap(_mapping, _mappingLength);
}
