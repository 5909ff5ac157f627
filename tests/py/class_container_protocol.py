# A container class: __len__, __getitem__, __setitem__, __delitem__, __contains__.
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, index):
        return self.songs[index]

    def __setitem__(self, index, value):
        self.songs[index] = value

    def __delitem__(self, index):
        del self.songs[index]

    def __contains__(self, song):
        return song.lower() in (s.lower() for s in self.songs)

p = Playlist("Intro", "Verse", "Chorus", "Outro")
print(len(p), p[0], p[-1], p[1:3])
p[1] = "Bridge"
del p[0]
print(p.songs, "chorus" in p, "Intro" in p)
for song in p:
    print("playing", song)
print(list(p), sorted(p), bool(p))
