/**
 * Text banks of the sample audience: names, places, products of a Vietnamese cosmetics & fashion
 * shop page ("Mây Beauty & Style"), and comment / share / caption templates in Vietnamese and
 * English. Templates use slots filled at generation time: {p} product, {p2} another product,
 * {pb}/{pf} a beauty / fashion product, {c} colour, {s} size, {city}, {n} small count, {d} days, {w} weeks, {f} a friend's handle,
 * {pct} discount percent, {k} price in thousand đồng, {h} height, {kg} weight, {code} promo code.
 */

export interface Bilingual { vi: string[]; en: string[] }

export const VI_FAMILY = ['Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Trịnh', 'Đinh', 'Mai', 'Tô'];
export const VI_MIDDLE_F = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Minh', 'Khánh', 'Bảo', 'Phương', 'Hải', 'Mỹ', 'Quỳnh', 'Diệu', 'Kim'];
export const VI_MIDDLE_M = ['Văn', 'Minh', 'Đức', 'Quang', 'Hoàng', 'Gia', 'Thành', 'Hữu', 'Anh', 'Bảo', 'Tuấn', 'Công'];
export const VI_GIVEN_F = ['Linh', 'Trang', 'Hương', 'Lan', 'Mai', 'Ngọc', 'Thảo', 'Anh', 'Hà', 'Vy', 'Nhung', 'Phương', 'Hằng', 'Yến', 'Quỳnh', 'Trâm', 'Uyên', 'Chi', 'My', 'Hạnh', 'Giang', 'Huyền', 'Thư', 'Nhi', 'Tâm', 'Ngân', 'Diệp', 'Loan', 'Oanh', 'Vân'];
export const VI_GIVEN_M = ['Nam', 'Huy', 'Dũng', 'Tuấn', 'Minh', 'Khoa', 'Long', 'Phúc', 'Bảo', 'Đức', 'Hiếu', 'Quân', 'Sơn', 'Thắng', 'Tài', 'Khang', 'Việt', 'Hưng', 'Trung', 'Kiên'];
export const EN_FIRST_F = ['Emma', 'Olivia', 'Sophie', 'Chloe', 'Grace', 'Mia', 'Hannah', 'Emily', 'Jessica', 'Lily', 'Amelia', 'Zoe', 'Rachel', 'Sarah', 'Isabella', 'Ava', 'Natalie', 'Claire'];
export const EN_FIRST_M = ['James', 'Liam', 'Noah', 'Oliver', 'Ethan', 'Lucas', 'Daniel', 'Jack', 'Ryan', 'Nathan', 'Henry', 'David'];
export const EN_LAST = ['Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Nguyen', 'Tran', 'Lee', 'Clarke', 'Walker', 'Harris', 'Martin', 'Thompson', 'White', 'Lewis', 'Chen', 'Pham', 'Kim'];

/** Cities and their weights; `intl` ones lean English. */
export const CITIES: { name: string; en: string; weight: number; intl: boolean }[] = [
  { name: 'TP. Hồ Chí Minh', en: 'HCMC', weight: 36, intl: false },
  { name: 'Hà Nội', en: 'Hanoi', weight: 29, intl: false },
  { name: 'Đà Nẵng', en: 'Da Nang', weight: 7, intl: false },
  { name: 'Hải Phòng', en: 'Hai Phong', weight: 4, intl: false },
  { name: 'Cần Thơ', en: 'Can Tho', weight: 4, intl: false },
  { name: 'Biên Hòa', en: 'Bien Hoa', weight: 2.5, intl: false },
  { name: 'Nha Trang', en: 'Nha Trang', weight: 2.5, intl: false },
  { name: 'Huế', en: 'Hue', weight: 2.5, intl: false },
  { name: 'Đà Lạt', en: 'Da Lat', weight: 1.5, intl: false },
  { name: 'Vũng Tàu', en: 'Vung Tau', weight: 1.5, intl: false },
  { name: 'Quy Nhơn', en: 'Quy Nhon', weight: 1, intl: false },
  { name: 'Singapore', en: 'Singapore', weight: 2.5, intl: true },
  { name: 'Sydney', en: 'Sydney', weight: 1.5, intl: true },
  { name: 'Los Angeles', en: 'Los Angeles', weight: 1, intl: true },
  { name: 'London', en: 'London', weight: 1, intl: true },
  { name: 'Tokyo', en: 'Tokyo', weight: 1, intl: true },
  { name: 'Seoul', en: 'Seoul', weight: 0.8, intl: true },
  { name: 'Bangkok', en: 'Bangkok', weight: 0.7, intl: true },
];
/** Short city forms used in comments ("ship hcm bao lâu"). */
export const CITY_SHORT_VI = ['hcm', 'sg', 'Sài Gòn', 'HN', 'Hà Nội', 'Đà Nẵng', 'Cần Thơ', 'Hải Phòng', 'Bình Dương', 'Nghệ An', 'Thanh Hóa', 'Đồng Nai', 'Huế', 'Long An', 'Quảng Ninh'];
export const CITY_SHORT_EN = ['Singapore', 'Sydney', 'the US', 'LA', 'London', 'Melbourne', 'Tokyo', 'Canada', 'Hanoi', 'Saigon', 'Da Nang'];

export const INTERESTS = ['skincare', 'makeup', 'fashion', 'haircare', 'fragrance', 'deals', 'lifestyle', 'fitness', 'travel', 'k-beauty'];

export interface Product { vi: string; en: string; fashion: boolean }
export const PRODUCTS: Product[] = [
  { vi: 'son kem lì', en: 'matte lip cream', fashion: false },
  { vi: 'kem chống nắng', en: 'sunscreen', fashion: false },
  { vi: 'serum vitamin C', en: 'vitamin C serum', fashion: false },
  { vi: 'sữa rửa mặt', en: 'gentle cleanser', fashion: false },
  { vi: 'toner hoa hồng', en: 'rose toner', fashion: false },
  { vi: 'mặt nạ ngủ', en: 'sleeping mask', fashion: false },
  { vi: 'phấn phủ', en: 'setting powder', fashion: false },
  { vi: 'cushion', en: 'cushion foundation', fashion: false },
  { vi: 'tẩy trang', en: 'micellar water', fashion: false },
  { vi: 'kem dưỡng ẩm', en: 'moisturiser', fashion: false },
  { vi: 'nước hoa mini', en: 'mini perfume', fashion: false },
  { vi: 'váy hoa nhí', en: 'floral dress', fashion: true },
  { vi: 'áo croptop', en: 'crop top', fashion: true },
  { vi: 'túi tote', en: 'tote bag', fashion: true },
  { vi: 'chân váy xếp ly', en: 'pleated skirt', fashion: true },
  { vi: 'áo blazer', en: 'blazer', fashion: true },
  { vi: 'quần jean ống rộng', en: 'wide-leg jeans', fashion: true },
  { vi: 'áo sơ mi lụa', en: 'silk shirt', fashion: true },
];
export const COLORS: Bilingual = {
  vi: ['đỏ gạch', 'hồng đất', 'cam cháy', 'đỏ rượu', 'be', 'đen', 'trắng', 'xanh pastel', 'nâu tây', 'tím lavender', 'hồng baby', 'xanh rêu'],
  en: ['brick red', 'nude pink', 'burnt orange', 'wine red', 'beige', 'black', 'white', 'pastel blue', 'cocoa', 'lavender', 'baby pink', 'olive'],
};
export const SIZES = ['S', 'M', 'L', 'XL', '36', '38', '40'];
export const CODES = ['MAY10', 'FREESHIP', 'SALE50', 'HELLOSUMMER', 'NEWBIE', 'VIP20'];

export const EMOJI = {
  pos: ['😍', '🥰', '❤️', '💕', '👍', '🔥', '✨', '😘', '💯', '🤩'],
  neu: ['🤔', '🙏', '👀', '😊', '🙂', '😅'],
  neg: ['😡', '😤', '😞', '😭', '👎', '🙄', '💔'],
};

/** Comment templates by journey cue. */
export const COMMENTS: Record<string, Bilingual> = {
  awareness: {
    vi: ['đẹp quá', 'xinh xỉu luôn', '{p} xinh thế', 'mê quá đi', 'ôi màu {c} đẹp ghê', 'mới biết shop luôn á', 'lần đầu thấy shop, đẹp thật sự', '{f} vào xem nè', '{f} ơi cái này hợp với bà nè', 'nhìn mê ghê', 'trời ơi xinh dữ vậy', 'màu {c} này hợp đi chơi ghê', 'ước gì có tiền mua hết', 'ai review {p} này chưa', 'hóng {p} mới của shop', 'cute quá shop ơi', 'lướt trúng shop, follow liền', 'thấy bạn share nên ghé xem', 'xịn sò ghê', 'nhìn sang chảnh quá', 'đẹp mà chắc đắt lắm', 'ơ cái này đang hot trên tiktok nè', 'chấm để theo dõi', 'lưu lại để mua sau'],
    en: ['so pretty!', 'love this colour', 'omg need this', 'where has this been all my life', 'just found this page', '{f} look at this', '{f} this is so you', 'obsessed with the {c} one', 'this {p} looks amazing', 'gorgeous', 'saw this on tiktok', 'adding to my wishlist', 'wow the packaging is cute', 'anyone tried the {p}?', 'this is giving summer vibes', 'so aesthetic', 'following for more'],
  },
  price: {
    vi: ['{p} này giá bao nhiêu vậy shop', 'giá sao shop', 'xin giá ạ', 'ib em giá {p} với ạ', 'check ib shop ơi', 'có freeship không shop', 'mua 2 có giảm giá không ạ', 'bao nhiêu 1 hộp vậy ạ', 'có mã giảm giá không shop', 'còn sale {pct}% không ạ', 'sale tới bao giờ vậy shop', 'giá {k}k hả shop', 'combo {n} cái giá sao ạ', 'đơn trên 299k có freeship không ạ', 'flash sale mấy giờ vậy shop', 'có quà tặng kèm không ạ', 'mã {code} còn dùng được không shop', 'sp này dc ko ạ, giá nhiêu', 'sao giá trên web khác vậy shop', 'mua sỉ có giá tốt hơn không ạ', 'săn sale đêm nay được không shop', 'còn deal 1k không ạ', 'có trả góp không shop'],
    en: ['how much is this?', 'price pls', 'how much for the {p}?', 'any discount code?', 'is the {pct}% off still on?', 'when does the sale end?', 'is there free shipping?', 'is {code} still working?', 'do you have bundle deals?', 'price in USD?', 'is it cheaper if I buy {n}?', 'any flash sale tonight?', 'sent you a DM about the price', 'is it {k}k?'],
  },
  logistics: {
    vi: ['ship {city} bao lâu ạ', 'còn size {s} ko shop', '{p} có màu {c} không ạ', 'da dầu dùng {pb} được không shop', 'có ship COD không shop', 'cao {h} nặng {kg}kg mặc size gì ạ', 'da nhạy cảm dùng được không ạ', 'hàng có sẵn không shop', 'bao lâu thì giao tới {city} vậy', 'shop ở đâu vậy ạ, qua lấy trực tiếp được không', 'được kiểm tra hàng trước khi nhận không ạ', 'có đổi size được không shop', '{pb} chính hãng không shop', 'hạn sử dụng tới khi nào ạ', 'vải này có nhăn không shop', 'mẹ bầu dùng được không ạ', 'có bảng size không shop', 'ship hcm bao lâu ạ', 'sp này dc ko shop', 'còn màu {c} hông shop', 'bầu bí dùng đc ko ạ', 'có ship tỉnh không shop'],
    en: ['do you ship to {city}?', 'is size {s} still available?', 'does it work for oily skin?', 'how long is delivery to {city}?', 'is it cruelty free?', 'what size should I get, I am {h} and {kg}kg', 'is it safe for sensitive skin?', "what's the difference between the {p} and the {p2}?", 'is this authentic?', 'do you have the {c} one in stock?', 'can I return it if it does not fit?', 'is the fabric see-through?', 'do you ship internationally?', 'does it come in {s}?'],
  },
  purchase: {
    vi: ['chốt đơn {n} {p} màu {c} nha shop', 'đã chuyển khoản rồi nha shop, check giúp em', 'em chốt 1 {pf} size {s}', 'lấy em {n} cái nhé', 'đặt rồi nha shop', 'đã đặt hàng, giao sớm giúp em', 'chốt', 'chốt đơn ạ', 'cho mình 1 {p} ship về {city}', 'chốt đơn, đã ck', 'em đặt qua web rồi ạ', 'vừa order {n} {p}, shop xác nhận giúp em', 'chốt liền tay', 'để em 1 cái size {s} nha', 'đã thanh toán momo rồi ạ', 'mua rồi mua rồi', 'ib rồi nha shop, lên đơn giúp em', 'chốt đơn {p} {k}k nha', 'hốt {n} món luôn', 'đặt cho mẹ 1 {p}'],
    en: ['just ordered!', 'ordered {n}, can not wait', 'added to cart', 'placed my order, please confirm', 'paid already, check dm', 'take my money', 'bought the {p} in {c}', 'ordered the {pf} in {s}, hope it fits', 'just checked out with {code}', 'got one for my mum too', 'ordered on the website', 'finally bought the {p}'],
  },
  good: {
    vi: ['nhận hàng rồi, {p} xài thích lắm', 'giao nhanh, đóng gói cẩn thận', 'dùng {pb} {w} tuần thấy da đẹp lên hẳn', 'hàng đẹp y hình', '{pf} vải mát, mặc vừa in', '{pb} thơm nhẹ dễ chịu', '{pb} màu {c} lên xinh lắm', 'shipper dễ thương, hàng ok', 'đúng mô tả, sẽ ủng hộ tiếp', 'mặc đi làm được khen quá trời', 'dùng hết 1 chai rồi, da mịn hơn', 'hàng về nhanh hơn dự kiến', 'chất lượng tốt so với giá', 'ưng cái bụng', 'đóng gói xinh xắn, có cả thiệp', 'ko bị bết, giữ màu lâu'],
    en: ['arrived today, love it', 'soooo good, my skin is glowing', 'fast shipping, great packaging', 'fits perfectly', 'the {p} is amazing', 'exactly like the photos', 'my skin feels so soft after {w} weeks', 'the {c} {pb} is perfect on me', 'good quality for the price', 'came with a cute note, thank you', 'lasts all day, no smudging'],
  },
  bad: {
    vi: ['giao hàng chậm quá, {d} ngày rồi chưa nhận được', 'hàng không giống hình', '{pb} bị vỡ khi nhận', 'dùng {pb} bị kích ứng, nổi mụn', '{pf} size không đúng, rộng quá', 'nhắn tin mãi shop không trả lời', 'đơn hàng của em đâu rồi shop', 'màu {c} ngoài đời khác hẳn', 'giao thiếu hàng', '{pf} vải mỏng, mặc 1 lần là xù', 'đã {d} ngày mà vẫn chưa giao', 'shop ơi sao chưa ship đơn của em', 'hộp bị móp méo hết', 'giao nhầm màu rồi shop ơi', 'chất lượng tệ quá', 'gọi hotline không ai bắt máy'],
    en: ['still waiting for my order after {d} days', 'package arrived damaged', 'colour is nothing like the photo', 'broke me out :(', 'no reply to my messages', 'wrong size delivered', 'where is my order??', 'the {pb} leaked in the box', 'quality is not what I expected', 'tracking has not updated in {d} days', 'item missing from my order'],
  },
  advocacy: {
    vi: ['mua lần thứ {n} rồi vẫn mê', 'giới thiệu cho em gái mua rồi', 'sẽ ủng hộ shop dài dài', 'mọi người nên thử {p} nha, đỉnh lắm', 'mình mua lại {p} lần {n} rồi, quá ưng', 'cả phòng mình đều dùng {p} của shop', '{f} mua đi, tui xài rồi xịn lắm', 'recommend {pb} cho mấy bà da dầu', 'shop uy tín nha mọi người', 'đã mua lại lần nữa', 'tin tưởng shop từ {n} năm nay', 'bạn bè hỏi mua ở đâu toàn chỉ qua shop', 'đã rủ cả nhóm bạn mua chung', 'khen shop 10 điểm'],
    en: ['love it, recommended to my sister', 'bought again, {n} times now', 'my whole office uses this now', '10/10 would buy again', 'everyone should try the {p}', 'told all my friends about you', '{f} you need this, trust me', 'repurchased, holy grail', 'best shop, always reliable', 'my go-to {p} forever'],
  },
  churn: {
    vi: ['hoàn tiền cho em đi shop', 'không mua nữa', 'bỏ theo dõi shop luôn', 'huỷ đơn giúp em', 'chán shop rồi, chuyển qua bên khác', 'đổi trả mãi không được, thất vọng', '{w} tuần chưa hoàn tiền', 'hàng fake, không bao giờ mua lại', 'lần cuối mua ở đây', 'unfollow, tạm biệt', 'đã hủy đơn vì giao lâu quá', 'yêu cầu hoàn tiền mà shop im lặng', 'qua bên khác mua rẻ hơn mà tốt hơn', 'mọi người đừng mua, phí tiền', 'trả hàng rồi, chờ hoàn tiền', 'thất vọng thật sự, không quay lại'],
    en: ['still waiting for my refund', 'cancel my order please', 'never buying again', 'unfollowing', 'switching to another brand', 'worst customer service', "refund please, it's been {w} weeks", 'returned it, want my money back', 'cancelled, took too long', 'do not buy from here', 'last time I order from you'],
  },
  none: {
    vi: ['hóng', 'first', '.', '{f}', 'giveaway cho em xin 1 suất', 'haha', 'like page rồi nha', 'ai đi cafe không', 'chấm', 'xin link nhạc ạ', 'hôm nay trời nóng ghê', 'mẫu ảnh xinh quá', 'chúc shop đắt hàng', 'em tham gia với', 'hihi', 'đã share'],
    en: ['first!', 'lol', '{f}', 'me please', 'song name?', 'hi', 'nice pic', 'good luck everyone', 'entering the giveaway', 'happy weekend'],
  },
};

/** Short texts some shares carry. */
export const SHARES: Record<'awareness' | 'advocacy', Bilingual> = {
  awareness: {
    vi: ['{f} nè', '{f} xem cái này nè', 'đang sale nè mọi người', 'săn sale thôi', 'lưu lại', 'hợp với bà nè {f}', 'xinh ghê'],
    en: ['{f} check this out', 'sale alert', 'saving this', 'need this', 'look {f}'],
  },
  advocacy: {
    vi: ['shop uy tín, mọi người ủng hộ nha', 'đã mua và rất ưng', 'recommend cho mọi người', 'dùng {p} thích lắm nha', 'chân ái của tui'],
    en: ['my favourite shop', 'highly recommend', 'trust me on this one', 'the {p} is a must have', 'repurchased again'],
  },
};

/** Post captions by topic. */
export const CAPTIONS: Record<string, Bilingual> = {
  'product launch': {
    vi: ['✨ Ra mắt {p} mới, màu {c} siêu xinh, đặt trước ngay hôm nay!', 'Hàng mới về: {p} bản giới hạn 💖', '{p} phiên bản {c} đã lên kệ, nhanh tay nha!'],
    en: ['New in: {p} in {c} ✨ Pre-order now!', 'Meet our new {p} 💖', 'Just dropped: limited {c} {p}'],
  },
  promotion: {
    vi: ['⚡ Flash sale {pct}% toàn bộ {p} chỉ hôm nay!', 'Freeship mọi đơn từ 299k, nhập mã {code}', 'Mua 2 tặng 1 {p}, số lượng có hạn 🛍️'],
    en: ['Weekend sale: {pct}% off every {p} 🛍️', 'Free shipping with code {code}', 'Buy 2 get 1 free on {p}'],
  },
  tutorial: {
    vi: ['Hướng dẫn dùng {pb} đúng cách cho da dầu 💧', '3 bước phối {pf} đi làm thanh lịch', 'Skincare buổi tối cùng {pb} 🌙'],
    en: ['How to layer {pb} for glowing skin', '3 ways to style a {pf}', 'Night routine with our {pb} 🌙'],
  },
  giveaway: {
    vi: ['🎁 GIVEAWAY: tặng 10 {p}! Like, share và tag 2 người bạn', 'Mừng 100k follow, tặng {n} {p} 🎉'],
    en: ['GIVEAWAY 🎁 Win a {p}: like, share, tag 2 friends', 'Celebrating 100k followers with {n} free {p}s 🎉'],
  },
  'customer review': {
    vi: ['Feedback từ khách yêu về {p} 💕', 'Khách hàng nói gì về {p} màu {c}?'],
    en: ['Customer love: real reviews of our {p}', 'What you said about the {c} {p}'],
  },
  'behind the scenes': {
    vi: ['Một ngày ở kho hàng của shop 📦', 'Hậu trường buổi chụp {p} mới 📸'],
    en: ['Behind the scenes at our studio 📸', 'A day in our warehouse 📦'],
  },
  livestream: {
    vi: ['🔴 LIVE 20h tối nay: săn deal {p} giá sốc', '🔴 Livestream xả kho, {p} chỉ {k}k'],
    en: ['🔴 LIVE tonight at 8pm: {p} deals', '🔴 Clearance live: {p} from {k}k'],
  },
  announcement: {
    vi: ['Thông báo: đơn hàng tuần này có thể giao chậm 1-2 ngày', 'Shop cập nhật chính sách đổi trả mới'],
    en: ['Shipping update: orders may be delayed this week', 'Our new return policy, explained'],
  },
};

/** Teen-code and casual spellings of Vietnamese words: each pattern with its variants. */
export const TEEN_CODE: [string, RegExp, string[]][] = [
  ['không', /không/g, ['ko', 'k', 'hông', 'hok', 'khum']],
  ['được', /được/g, ['dc', 'đc', 'đk']],
  ['vậy', /vậy/g, ['v', 'z', 'zậy']],
  ['rồi', /rồi/g, ['r', 'rùi', 'ròi']],
  ['bao nhiêu', /bao nhiêu/g, ['bn', 'nhiu', 'bnhiu']],
  ['mình', /mình/g, ['mk', 'mik']],
  ['gì', /(?<!\p{L})gì(?!\p{L})/gu, ['j', 'gì zậy']],
  ['quá', /quá/g, ['qá', 'wá', 'quáaa']],
  ['biết', /biết/g, ['bít']],
  ['với', /với/g, ['vs', 'zới']],
  ['nhé', /nhé/g, ['nhá', 'nhe', 'nha']],
  ['nhiều', /nhiều/g, ['nhìu']],
  ['thôi', /thôi/g, ['thui']],
  ['chuyển khoản', /chuyển khoản/g, ['ck']],
  ['em', /(?<!\p{L})em(?!\p{L})/gu, ['e']],
  ['shop', /shop/g, ['sốp', 'shop', 's']],
  ['ạ', /ạ(?!\p{L})/gu, ['ạ', 'ak', 'ah', 'à']],
];

export const VI_PARTICLES = [' ạ', ' shop ơi', ' nha', ' nhé', ' với ạ', ' ạ?', ' ah', ' ơi'];
export const EN_ENDINGS = [' please', ' pls', '?', '!!', ' x', ' :)'];
