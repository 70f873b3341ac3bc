using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.FileProviders;
using Moq;
using PaulMassage.Web.Features.Plans;

namespace PaulMassage.UnitTests.Features.Plans;

public sealed class TheDrawings
{
    private static IFileInfo File(string name)
    {
        var file = new Mock<IFileInfo>();
        file.SetupGet(f => f.Name).Returns(name);
        file.SetupGet(f => f.IsDirectory).Returns(false);
        return file.Object;
    }

    [Fact]
    public void read_their_folder_once_however_often_they_are_asked_for()
    {
        var folder = new Mock<IDirectoryContents>();
        folder.Setup(d => d.GetEnumerator()).Returns(() => new List<IFileInfo> { File("knee-hugs.svg"), File("cat-and-cow.svg"), File("notes.txt") }.GetEnumerator());
        var files = new Mock<IFileProvider>();
        files.Setup(f => f.GetDirectoryContents(Drawings.Folder)).Returns(folder.Object);
        var environment = new Mock<IWebHostEnvironment>();
        environment.SetupGet(e => e.WebRootFileProvider).Returns(files.Object);
        var drawings = new Drawings(environment.Object);

        Assert.Equal(["cat-and-cow", "knee-hugs"], drawings.Names());
        Assert.True(drawings.Exists("knee-hugs"));
        Assert.False(drawings.Exists("notes"));
        Assert.Equal(["cat-and-cow", "knee-hugs"], drawings.Names());

        files.Verify(f => f.GetDirectoryContents(Drawings.Folder), Times.Once());
    }
}
