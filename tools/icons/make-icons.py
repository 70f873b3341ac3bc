# Draws the site's icon (the same shapes as wwwroot/icon.svg) without any imaging library.
import struct, zlib, sys
BG=(0x1f,0x4e,0x5f); WHITE=(255,255,255); DOT=(0xf0,0xad,0x4e)
def inside_round(x,y,r=12,s=64):
    cx=min(max(x,r),s-r); cy=min(max(y,r),s-r)
    return (x-cx)**2+(y-cy)**2<=r*r
def bowl(x,y,x0,y0,y1,cx,cy,r):
    if x0<=x<=cx and y0<=y<=y1: return True
    return x>=cx and (x-cx)**2+(y-cy)**2<=r*r
def colour(x,y):
    if not inside_round(x,y): return None
    if (x-46)**2+(y-46)**2<=36: return DOT
    p = (20<=x<=27 and 14<=y<=50) or bowl(x,y,20,14,36,34,25,11)
    hole = bowl(x,y,27,20,30,34,25,5)
    return WHITE if p and not hole else BG
def render(size, ss=4):
    rows=[]
    for j in range(size):
        row=bytearray([0])
        for i in range(size):
            acc=[0,0,0,0]
            for a in range(ss):
                for b in range(ss):
                    x=(i+(a+.5)/ss)*64/size; y=(j+(b+.5)/ss)*64/size
                    c=colour(x,y)
                    if c: acc[0]+=c[0];acc[1]+=c[1];acc[2]+=c[2];acc[3]+=1
            n=acc[3]
            row+=bytes([acc[0]//n,acc[1]//n,acc[2]//n,255*n//(ss*ss)] if n else [0,0,0,0])
        rows.append(bytes(row))
    raw=b''.join(rows)
    def chunk(t,d): return struct.pack('>I',len(d))+t+d+struct.pack('>I',zlib.crc32(t+d)&0xffffffff)
    return b'\x89PNG\r\n\x1a\n'+chunk(b'IHDR',struct.pack('>IIBBBBB',size,size,8,6,0,0,0))+chunk(b'IDAT',zlib.compress(raw,9))+chunk(b'IEND',b'')
def ico(pngs):
    head=struct.pack('<HHH',0,1,len(pngs)); off=6+16*len(pngs); dirs=b''; data=b''
    for size,png in pngs:
        dirs+=struct.pack('<BBBBHHII',size%256,size%256,0,0,1,32,len(png),off+len(data)); data+=png
    return head+dirs+data
root=sys.argv[1]
open(root+'/favicon.ico','wb').write(ico([(16,render(16)),(32,render(32))]))
open(root+'/apple-touch-icon.png','wb').write(render(180,2))
open(root+'/icon-192.png','wb').write(render(192,2))
