using Tapline.Runtime;

namespace Tapline.Tests.Runtime;

/// <summary>The syscall tapsets' decoders, as stap's lookup tables give names.</summary>
public sealed class SyscallFlagsTests
{
    [Theory]
    [InlineData(0, "O_RDONLY")]
    [InlineData(0x80000, "O_RDONLY|O_CLOEXEC")]
    [InlineData(0x241, "O_WRONLY|O_CREAT|O_TRUNC")]
    [InlineData(0x802, "O_RDWR|O_NONBLOCK")]
    [InlineData(0x1000, "O_RDONLY|O_SYNC")] // O_DSYNC's bit is O_SYNC's too, and O_SYNC comes first in stap's table
    [InlineData(0x410000, "O_RDONLY|O_DIRECTORY|0x400000")]
    public void Open_NamesTheAccessModeThenTheFlags(long flags, string expected) => Assert.Equal(expected, SyscallFlags.Open(flags));

    [Theory]
    [InlineData(0, "F_OK")]
    [InlineData(4, "R_OK")]
    [InlineData(6, "R_OK|W_OK")]
    [InlineData(9, "X_OK|0x8")]
    public void Access_NamesTheModeBits(long mode, string expected) => Assert.Equal(expected, SyscallFlags.Access(mode));

    [Theory]
    [InlineData(0, "0x0")]
    [InlineData(1, "WNOHANG")]
    [InlineData(0x40000003, "WNOHANG|WSTOPPED|__WALL")]
    public void Wait_NamesTheOptions(long options, string expected) => Assert.Equal(expected, SyscallFlags.Wait(options));

    [Theory]
    [InlineData(-100, "AT_FDCWD")]
    [InlineData(3, "3")]
    [InlineData(4294967196, "AT_FDCWD")] // -100 as the 32 bits of an unsigned register
    public void DirectoryDescriptor_IsAtFdCwdOrTheNumber(long descriptor, string expected) =>
        Assert.Equal(expected, SyscallFlags.DirectoryDescriptor(descriptor));

    [Theory]
    [InlineData(0, "FUTEX_WAIT")]
    [InlineData(129, "FUTEX_WAKE_PRIVATE")]
    [InlineData(137, "FUTEX_WAIT_BITSET_PRIVATE")]
    [InlineData(99, "0x63")]
    public void FutexOperation_IsNamedWithItsPrivateFlag(long operation, string expected) =>
        Assert.Equal(expected, SyscallFlags.FutexOperation(operation));

    [Theory]
    [InlineData(0, "SEEK_SET")]
    [InlineData(2, "SEEK_END")]
    [InlineData(9, "0x9")]
    public void Whence_IsNamed(long whence, string expected) => Assert.Equal(expected, SyscallFlags.Whence(whence));

    [Theory]
    [InlineData(1030, "F_DUPFD_CLOEXEC")]
    [InlineData(3, "F_GETFL")]
    public void FcntlCommand_IsNamed(long command, string expected) => Assert.Equal(expected, SyscallFlags.FcntlCommand(command));
}
